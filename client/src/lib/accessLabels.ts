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
 * Experts will comment in the margin; until comments exist the badge says so.
 */
export function readOnlyBadge(access: StrategyAccess): string | null {
  switch (access) {
    case 'edit':
      return null;
    case 'comment':
      return 'Read only — experts comment (coming soon)';
    case 'read':
      return 'Read only';
  }
}
