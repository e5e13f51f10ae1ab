import { Link } from 'react-router';
import { accessLabels } from '../lib/accessLabels.ts';
import type { StrategySummary } from '../lib/documentsApi.ts';
import { paths } from '../lib/paths.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** Where the document page's back link leads, handed over in the link's history state. */
export interface DocumentLinkState {
  workshopId: string;
}

export interface StrategyListProps {
  strategies: readonly StrategySummary[];
  /** The list's accessible name, e.g. "Strategies of Kenya". */
  label: string;
  /** The workshop the list is shown in, for the document page's back link. */
  workshopId?: string;
}

/** Strategies as links to their editor, with city, what the person may do, and when last edited. */
export function StrategyList({ strategies, label, workshopId }: StrategyListProps) {
  if (strategies.length === 0) return <p className="muted">No strategies to show.</p>;
  const state: DocumentLinkState | undefined = workshopId ? { workshopId } : undefined;
  return (
    <ul className="item-list" aria-label={label}>
      {strategies.map((strategy) => (
        <li key={strategy.id} className="item-list__item">
          <Link to={paths.document(strategy.id)} state={state} className="item-list__title">
            {strategy.title}
          </Link>
          <span className="item-list__meta">
            {strategy.city && <span>{strategy.city}</span>}
            <span className={`access access--${strategy.access}`}>{accessLabels[strategy.access]}</span>
            <span>
              Edited <time dateTime={strategy.updatedAt}>{formatDate(strategy.updatedAt)}</time>
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
