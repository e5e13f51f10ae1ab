import { flattenSections } from '@lcs/shared';
import type { Template, TemplateSection } from '@lcs/shared';

/** What the guidance panel of one section shows. */
export interface SectionGuidance {
  questions: string[];
  /** Who wrote the questions; the panel names the source so nobody takes them for UNESCO's text. */
  source: TemplateSection['guidanceSource'];
}

/** The guidance questions of the template section with this key, or null when it has none. */
export function sectionGuidance(template: Template | null, key: string): SectionGuidance | null {
  const section = template && flattenSections(template).find((entry) => entry.section.key === key)?.section;
  if (!section || section.guidance.length === 0) return null;
  return { questions: section.guidance, source: section.guidanceSource };
}

/** How the panel credits guidance of each source. */
export const guidanceSourceNotes: Record<SectionGuidance['source'], string> = {
  product: 'Questions written by Learning City Studio to help you draft — not UNESCO text.',
};
