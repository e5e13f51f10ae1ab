import type { Template, TemplateSection } from './templateSchema.ts';

/** A template section in outline order, with the key of the section it sits in (null at the top). */
export interface FlatTemplateSection {
  section: TemplateSection;
  parentKey: string | null;
}

/** Every section of a template, parents before their subsections, in the order a document shows them. */
export function flattenSections(template: Template): FlatTemplateSection[] {
  return template.sections.flatMap((section) => [
    { section, parentKey: null },
    ...(section.children ?? []).map((child) => ({ section: child, parentKey: section.key })),
  ]);
}
