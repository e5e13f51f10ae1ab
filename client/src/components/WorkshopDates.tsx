import type { WorkshopDto } from '@lcs/shared';
import { formatDateRange } from '../lib/formatDateRange.ts';

/** Where and when a workshop happens, and its online phase if it has one. */
export function WorkshopDates({ workshop }: { workshop: WorkshopDto }) {
  const { onlineStartsOn, onlineEndsOn } = workshop;
  return (
    <p className="workshop-dates">
      {workshop.place && <span>{workshop.place}</span>}
      <span>{formatDateRange(workshop.startsOn, workshop.endsOn)}</span>
      {onlineStartsOn && onlineEndsOn && <span>Online phase {formatDateRange(onlineStartsOn, onlineEndsOn)}</span>}
      {onlineStartsOn && !onlineEndsOn && <span>Online phase from {formatDateRange(onlineStartsOn, onlineStartsOn)}</span>}
      {!onlineStartsOn && onlineEndsOn && <span>Online phase until {formatDateRange(onlineEndsOn, onlineEndsOn)}</span>}
    </p>
  );
}
