import type { SectionStatus } from '@lcs/shared';

/** How each writing status reads in the section header, the outline and its badges. */
export const sectionStatusLabels: Record<SectionStatus, string> = {
  not_started: 'Not started',
  drafting: 'Drafting',
  ready_for_review: 'Ready for review',
  final: 'Final',
};
