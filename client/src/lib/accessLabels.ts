import type { StrategySummary } from './documentsApi.ts';

type StrategyAccess = StrategySummary['access'];

/** What a person may do with a strategy, as strategy lists say it. */
export const accessLabels: Readonly<Record<StrategyAccess, string>> = {
  edit: 'Can edit',
  comment: 'Can review',
  read: 'Can read',
};

/**
 * The badge of a document opened without the right to edit it, or null when it can be edited.
 * Experts cannot change the text, but comment on it and suggest changes in the margin.
 */
export function readOnlyBadge(access: StrategyAccess): string | null {
  switch (access) {
    case 'edit':
      return null;
    case 'comment':
      return 'Read only — comment and suggest changes';
    case 'read':
      return 'Read only';
  }
}
