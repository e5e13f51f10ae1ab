import type { FieldErrors } from './fieldErrors.ts';

/** The new-workshop form as typed: dates as `<input type="date">` gives them, empty when unset. */
export interface WorkshopForm {
  name: string;
  place: string;
  startsOn: string;
  endsOn: string;
  onlineStartsOn: string;
  onlineEndsOn: string;
}

/** What stops the form from being sent, by field, in words for the facilitator; empty when none. */
export function workshopFormProblems(form: WorkshopForm): FieldErrors {
  const problems: Record<string, string> = {};
  if (!form.name.trim()) problems.name = 'Give the workshop a name.';
  if (!form.startsOn) problems.startsOn = 'Choose the first day.';
  if (!form.endsOn) problems.endsOn = 'Choose the last day.';
  else if (form.startsOn && form.endsOn < form.startsOn) problems.endsOn = 'The workshop cannot end before it starts.';
  if (form.onlineStartsOn && form.onlineEndsOn && form.onlineEndsOn < form.onlineStartsOn) {
    problems.onlineEndsOn = 'The online phase cannot end before it starts.';
  }
  return problems;
}
