import { z } from 'zod';
import { findTemplateInconsistencies } from './findTemplateInconsistencies.ts';

/** Stable keys are slugs, so they can sit in URLs, document attributes and exported file names. */
export const templateKeyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A schema's own message, except that a missing value reads `required` like everywhere else.
 * (Schema-level messages win over the per-parse error map that says `required` elsewhere.)
 */
function unlessMissing(message: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined || issue.input === '' ? 'required' : message);
}

// No `abort: true` and no z.int() in this file: an aborting issue anywhere would switch off the
// cross-field checks below, and an upload must get every problem listed at once.
const key = z.string().regex(templateKeyPattern, { error: unlessMissing('must be a slug: lowercase letters, digits and single hyphens') });

function text(max: number) {
  return z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
}

/** BCP 47, checked by the runtime's own Intl (isomorphic; no tag list to keep up to date). */
const languageTag = z.string().refine(isLanguageTag, { error: unlessMissing('must be a BCP 47 language tag, e.g. "en" or "fr-CA"') });

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** What a section starts with; the editor turns each block into content the authors then edit. */
export const blockSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('prose'), placeholder: text(300).optional() }),
    z.strictObject({ kind: z.literal('indicatorTable') }),
    z.strictObject({ kind: z.literal('actionPlanTable') }),
  ],
  { error: unlessMissing('kind must be "prose", "indicatorTable" or "actionPlanTable"') },
);

const sectionFields = {
  key,
  title: text(200),
  /** Questions for the authors; shown beside the section, never part of its text. */
  guidance: z.array(text(500)).max(20, 'at most 20 questions'),
  /**
   * Who wrote the guidance. Only 'product' exists: guidance is ours, not UNESCO's, and a future
   * source (e.g. quoted UIL text with its citation) would have to be added and labelled explicitly.
   */
  guidanceSource: z.literal('product', { error: unlessMissing('must be "product"') }),
  required: z.boolean(),
  blocks: z.array(blockSchema).max(20, 'at most 20 blocks'),
  /** Set on a section that treats one Key Features area of focus; coverage looks it up by this. */
  areaOfFocusKey: key.optional(),
};

/** Sections nest one level only: deeper outlines make the sidebar and the coverage rule murky. */
const subsectionSchema = z.strictObject({
  ...sectionFields,
  children: z.never({ error: 'a subsection cannot have subsections of its own' }).optional(),
});

export const sectionSchema = z.strictObject({
  ...sectionFields,
  children: z.array(subsectionSchema).max(50, 'at most 50 subsections').optional(),
});

const measurementSchema = z.strictObject({ key, text: text(2000) });

/** Features and measurements are data, so a facilitator can fill in or correct their wording. */
const featureSchema = z.strictObject({
  key,
  number: text(20),
  text: text(2000),
  measurements: z.array(measurementSchema),
});

const areaOfFocusSchema = z.strictObject({ key, number: text(20), title: text(200), features: z.array(featureSchema) });

const areaSchema = z.strictObject({
  key,
  number: text(20),
  title: text(200),
  /** Where the area sits in the Key Features drawing, which is shaped like the UNESCO logo. */
  metaphor: z.enum(['pediment', 'columns', 'foundation'], { error: unlessMissing('must be "pediment", "columns" or "foundation"') }),
  areasOfFocus: z.array(areaOfFocusSchema).min(1, 'at least one area of focus'),
});

/**
 * A versioned strategy template. `version` is a positive integer, bumped on every change: a
 * document records the (id, version) it was made from, and "a newer edition" is all a template
 * version has to say; semver's compatibility promises mean nothing for a document outline.
 *
 * The cross-field checks run even when some fields are malformed (`when`), so an upload's every
 * problem is reported at once; they therefore read the value defensively.
 */
export const templateSchema = z
  .strictObject({
    id: key,
    version: z.number().refine(Number.isInteger, 'must be a whole number').positive('must be 1 or more'),
    language: languageTag,
    title: text(200),
    sections: z.array(sectionSchema).min(1, 'at least one section').max(100, 'at most 100 sections'),
    keyFeatures: z.strictObject({ areas: z.array(areaSchema).min(1, 'at least one area') }),
    thematicPriorities: z.array(z.strictObject({ key, title: text(200) })),
  })
  .superRefine(
    (value, ctx) => {
      for (const problem of findTemplateInconsistencies(value)) {
        ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
      }
    },
    { when: () => true },
  );

export type Template = z.infer<typeof templateSchema>;
export type TemplateSection = z.infer<typeof sectionSchema>;
export type TemplateSubsection = z.infer<typeof subsectionSchema>;
export type TemplateBlock = z.infer<typeof blockSchema>;
export type KeyFeaturesArea = Template['keyFeatures']['areas'][number];
export type AreaOfFocus = KeyFeaturesArea['areasOfFocus'][number];
export type KeyFeature = AreaOfFocus['features'][number];
export type ThematicPriority = Template['thematicPriorities'][number];
