import { AlignmentType, LevelFormat } from 'docx';
import type { NumberingDefinition } from 'docx';

/** The list numbering a Word document needs, collected while its body is written. */
export interface DocxLists {
  /** Numbering reference of a bullet list, or of an ordered list starting at `start`. */
  reference(ordered: boolean, start: number): string;
  /** A new list instance: Word restarts numbering for each, so the second list counts from 1 again. */
  instance(): number;
  /** The numbering definitions used so far, for `new Document({ numbering: { config } })`. */
  config(): NumberingDefinition[];
}

const BULLETS = ['•', '◦', '▪'];
// Decimal at every level, as the Markdown and HTML exports number nested lists.
const ORDERED_FORMATS = [LevelFormat.DECIMAL];

function definition(reference: string, ordered: boolean, start: number): NumberingDefinition {
  return {
    reference,
    levels: Array.from({ length: 9 }, (_, level) => ({
      level,
      format: ordered ? ORDERED_FORMATS[level % ORDERED_FORMATS.length]! : LevelFormat.BULLET,
      text: ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length]!,
      start,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    })),
  };
}

/**
 * Numbering definitions made on demand: one for bullets and one per start number of ordered lists
 * (a level's start is part of the definition in Word), each level indented half an inch more.
 */
export function docxLists(): DocxLists {
  const definitions = new Map<string, NumberingDefinition>();
  let instances = 0;
  return {
    reference(ordered, start) {
      const reference = ordered ? `ordered-${start}` : 'bullet';
      if (!definitions.has(reference)) definitions.set(reference, definition(reference, ordered, ordered ? start : 1));
      return reference;
    },
    instance: () => ++instances,
    config: () => [...definitions.values()],
  };
}
