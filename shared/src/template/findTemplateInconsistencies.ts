import { formatIssuePath } from './formatIssuePath.ts';

type Path = (string | number)[];

/** A cross-field problem in a template, at the path of the field to fix. */
export interface TemplateProblem {
  path: Path;
  message: string;
}

type Entry = [item: Record<string, unknown>, index: number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object items of `owner[field]` with their original indexes; anything malformed is skipped. */
function entries(owner: unknown, field: string): Entry[] {
  const list = isRecord(owner) ? owner[field] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index): Entry[] => (isRecord(item) ? [[item, index]] : []));
}

/** Returns a claim function that reports the second and later uses of a key within one namespace. */
function uniqueKeys(problems: TemplateProblem[]) {
  const seen = new Map<string, Path>();
  return (key: unknown, path: Path) => {
    if (typeof key !== 'string') return;
    const first = seen.get(key);
    if (first) problems.push({ path, message: `duplicate key "${key}", already used at ${formatIssuePath(first)}` });
    else seen.set(key, path);
  };
}

function expectNumber(actual: unknown, expected: string, path: Path, problems: TemplateProblem[]) {
  if (typeof actual === 'string' && actual.trim() !== expected) {
    problems.push({ path, message: `expected "${expected}": numbers follow listing order` });
  }
}

/**
 * Walks the Key Features framework: one key namespace for areas, areas of focus, features and
 * measurements (so a city's list of tracked measurements can name them by key alone), numbering by
 * listing order ("2", "2.3", "2.3.1"). Returns the area-of-focus keys, or null when some could not
 * be read, so that sections are not blamed for references the structural errors already explain.
 */
function checkFramework(template: Record<string, unknown>, problems: TemplateProblem[]): Set<string> | null {
  const claim = uniqueKeys(problems);
  const areaOfFocusKeys = new Set<string>();
  let complete = isRecord(template.keyFeatures) && Array.isArray(template.keyFeatures.areas);
  for (const [area, i] of entries(template.keyFeatures, 'areas')) {
    const areaPath: Path = ['keyFeatures', 'areas', i];
    claim(area.key, [...areaPath, 'key']);
    expectNumber(area.number, `${i + 1}`, [...areaPath, 'number'], problems);
    if (!Array.isArray(area.areasOfFocus)) complete = false;
    for (const [focus, j] of entries(area, 'areasOfFocus')) {
      const focusPath: Path = [...areaPath, 'areasOfFocus', j];
      claim(focus.key, [...focusPath, 'key']);
      if (typeof focus.key === 'string') areaOfFocusKeys.add(focus.key);
      else complete = false;
      expectNumber(focus.number, `${i + 1}.${j + 1}`, [...focusPath, 'number'], problems);
      for (const [feature, k] of entries(focus, 'features')) {
        const featurePath: Path = [...focusPath, 'features', k];
        claim(feature.key, [...featurePath, 'key']);
        expectNumber(feature.number, `${i + 1}.${j + 1}.${k + 1}`, [...featurePath, 'number'], problems);
        for (const [measurement, m] of entries(feature, 'measurements')) {
          claim(measurement.key, [...featurePath, 'measurements', m, 'key']);
        }
      }
    }
  }
  return complete ? areaOfFocusKeys : null;
}

function checkSections(template: Record<string, unknown>, areaOfFocusKeys: Set<string> | null, problems: TemplateProblem[]) {
  // Section keys are unique across both levels: a document's section node is found by key alone.
  const claim = uniqueKeys(problems);
  const treatedBy = new Map<string, Path>();
  const visit = (section: Record<string, unknown>, path: Path) => {
    claim(section.key, [...path, 'key']);
    const focusKey = section.areaOfFocusKey;
    if (typeof focusKey === 'string' && areaOfFocusKeys) {
      const other = treatedBy.get(focusKey);
      if (!areaOfFocusKeys.has(focusKey)) {
        problems.push({ path: [...path, 'areaOfFocusKey'], message: `no area of focus has the key "${focusKey}"` });
      } else if (other) {
        // Coverage reads one section per area of focus; two would make "has content" ambiguous.
        problems.push({ path: [...path, 'areaOfFocusKey'], message: `"${focusKey}" is already treated by ${formatIssuePath(other)}` });
      } else treatedBy.set(focusKey, path);
    }
    const hasChildren = Array.isArray(section.children) && section.children.length > 0;
    if (!hasChildren && Array.isArray(section.blocks) && section.blocks.length === 0) {
      problems.push({ path: [...path, 'blocks'], message: 'a section without subsections needs at least one block to write in' });
    }
  };
  for (const [section, i] of entries(template, 'sections')) {
    visit(section, ['sections', i]);
    for (const [child, j] of entries(section, 'children')) visit(child, ['sections', i, 'children', j]);
  }
}

/**
 * Cross-field checks of a template: unique keys everywhere, numbering by listing order, every
 * `areaOfFocusKey` naming an existing area of focus (at most one section each), and something to
 * write in for every leaf section. Reads `value` defensively, since it runs on malformed uploads too.
 */
export function findTemplateInconsistencies(value: unknown): TemplateProblem[] {
  if (!isRecord(value)) return [];
  const problems: TemplateProblem[] = [];
  const areaOfFocusKeys = checkFramework(value, problems);
  checkSections(value, areaOfFocusKeys, problems);
  const claimPriority = uniqueKeys(problems);
  for (const [priority, i] of entries(value, 'thematicPriorities')) claimPriority(priority.key, ['thematicPriorities', i, 'key']);
  return problems;
}
