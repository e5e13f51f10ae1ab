import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { buildParagraph, DOCUMENT_FIELD } from '@lcs/shared';
import { editorSchema } from '@lcs/shared/editor';
import { encodeAnchor, encodePoint, isDetached, resolveAnchor, resolvePoint } from './threadAnchors.ts';
import type { AnchorBinding, EncodedAnchor } from './threadAnchors.ts';

const schema = editorSchema();

/** A Y.Doc whose body is one paragraph with `text`. */
function buildYDoc(text: string): Y.Doc {
  const ydoc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [buildParagraph(text)] }, ydoc.getXmlFragment(DOCUMENT_FIELD));
  return ydoc;
}

/** What an editor bound to `ydoc` would have: the document and the binding to anchor against. */
function bind(ydoc: Y.Doc) {
  const type = ydoc.getXmlFragment(DOCUMENT_FIELD);
  const { doc, mapping } = initProseMirrorDoc(type, schema);
  const binding: AnchorBinding = { doc: ydoc, type, mapping };
  return { doc, binding };
}

/** The paragraph's text, as a Y.XmlText to edit directly, as a remote client would. */
const textOf = (ydoc: Y.Doc) => (ydoc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** Anchors the characters at `start..end` (string indexes) of the paragraph. */
function anchorText(ydoc: Y.Doc, start: number, end: number): EncodedAnchor {
  return encodeAnchor(bind(ydoc).binding, start + 1, end + 1);
}

/** The anchored text now, or null when the thread is detached. */
function anchoredText(ydoc: Y.Doc, anchor: EncodedAnchor, quote = 'x'): string | null {
  const { doc, binding } = bind(ydoc);
  const range = resolveAnchor(binding, anchor, doc.content.size);
  return isDetached({ quote, suggestion: null }, range) ? null : doc.textBetween(range!.from, range!.to);
}

const insertion = { replacement: 'x', status: 'pending', decidedBy: null, decidedAt: null } as const;

/** Anchors the point before the character at string index `at` of the paragraph. */
function anchorPoint(ydoc: Y.Doc, at: number): EncodedAnchor {
  return encodePoint(bind(ydoc).binding, at + 1);
}

/** The paragraph with `|` where the point is now, or null when it is detached. */
function showPoint(ydoc: Y.Doc, anchor: EncodedAnchor): string | null {
  const { doc, binding } = bind(ydoc);
  const range = resolvePoint(binding, anchor, doc.content.size);
  if (range === null) return null;
  expect(range.to, 'a point is an empty range').toBe(range.from);
  const text = textOf(ydoc).toString();
  const at = range.from - 1;
  return `${text.slice(0, at)}|${text.slice(at)}`;
}

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};


/**
 * Three clients start from a paragraph holding `text`; `makeAnchor` anchors in the first; then 60
 * random inserts and deletes (seeded) on random clients with random deliveries, and a full sync.
 */
function randomlyEdited(seed: number, text: string, makeAnchor: (first: Y.Doc) => EncodedAnchor): { clients: Y.Doc[]; anchor: EncodedAnchor } {
  const random = mulberry32(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const clients = [buildYDoc(text)];
  for (let i = 1; i < 3; i++) {
    clients.push(new Y.Doc());
    sync(clients[0]!, clients[i]!);
  }
  const anchor = makeAnchor(clients[0]!);
  for (let step = 0; step < 60; step++) {
    const client = clients[pick(clients.length)]!;
    const body = textOf(client);
    if (random() < 0.6 || body.length < 2) body.insert(pick(body.length + 1), String(pick(10)));
    else {
      const at = pick(body.length);
      body.delete(at, Math.min(1 + pick(2), body.length - at));
    }
    if (random() < 0.3) sync(client, clients[pick(clients.length)]!);
  }
  for (const a of clients) for (const b of clients) sync(a, b);
  return { clients, anchor };
}

describe('thread anchors', () => {
  it('resolve to the range they were made on', () => {
    const ydoc = buildYDoc('Hello brave world');
    expect(anchoredText(ydoc, anchorText(ydoc, 6, 11))).toBe('brave');
  });

  it('follow the text when something is inserted before the range', () => {
    const ydoc = buildYDoc('Hello brave world');
    const anchor = anchorText(ydoc, 6, 11);
    textOf(ydoc).insert(0, 'Oh, ');
    expect(anchoredText(ydoc, anchor)).toBe('brave');
  });

  it('grow when text is typed inside the range, and at its start', () => {
    const ydoc = buildYDoc('Hello brave world');
    const anchor = anchorText(ydoc, 6, 11);
    textOf(ydoc).insert(8, '-a-');
    textOf(ydoc).insert(6, '[');
    expect(anchoredText(ydoc, anchor)).toBe('[br-a-ave');
  });

  it('do not take in text typed right after the range', () => {
    const ydoc = buildYDoc('Hello brave world');
    const anchor = anchorText(ydoc, 6, 11);
    textOf(ydoc).insert(11, ' new');
    expect(anchoredText(ydoc, anchor)).toBe('brave');
  });

  it('shrink when part of the range is deleted', () => {
    const ydoc = buildYDoc('Hello brave world');
    const anchor = anchorText(ydoc, 6, 11);
    textOf(ydoc).delete(9, 5); // "ve wo"
    expect(anchoredText(ydoc, anchor)).toBe('bra');
  });

  it('stay anchored when everything before them, at the start of the document, is deleted', () => {
    const ydoc = buildYDoc('Hello brave world');
    const anchor = anchorText(ydoc, 6, 11);
    textOf(ydoc).delete(0, 6);
    expect(anchoredText(ydoc, anchor)).toBe('brave');
  });

  it('become detached when all the anchored text is deleted', () => {
    const ydoc = buildYDoc('Hello brave world');
    const anchor = anchorText(ydoc, 6, 11);
    textOf(ydoc).delete(5, 6);
    expect(anchoredText(ydoc, anchor)).toBeNull();
  });

  it('are detached when they cannot be decoded', () => {
    const ydoc = buildYDoc('Hello');
    expect(anchoredText(ydoc, { start: 'AAAA', end: 'AAAA' })).toBeNull();
  });

  it('keep a suggested insertion (no quote, an empty range) as a point rather than detached', () => {
    const ydoc = buildYDoc('Hello world');
    const anchor = anchorText(ydoc, 5, 5);
    textOf(ydoc).insert(0, 'Oh ');
    const { doc, binding } = bind(ydoc);
    const range = resolveAnchor(binding, anchor, doc.content.size);
    expect(range).toEqual({ from: 9, to: 9 });
    expect(isDetached({ quote: '', suggestion: insertion }, range)).toBe(false);
    // A comment on an empty range has lost its text.
    expect(isDetached({ quote: '', suggestion: null }, range)).toBe(true);
  });

  it('agree between two clients after concurrent edits around and inside the range', () => {
    const a = buildYDoc('Hello brave world');
    const b = new Y.Doc();
    sync(a, b);
    const anchor = anchorText(a, 6, 11);
    textOf(a).insert(0, 'A: ');
    textOf(b).insert(17, ' (B)');
    textOf(b).insert(8, '~');
    sync(a, b);
    expect(anchoredText(a, anchor)).toBe('br~ave');
    expect(anchoredText(b, anchor)).toBe('br~ave');
  });

  it('converge on every client through random concurrent edits and deliveries (seeded)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { clients, anchor } = randomlyEdited(seed, 'aaaaaQUOTEbbbbb', (first) => anchorText(first, 5, 10));
      const seen = clients.map((c) => anchoredText(c, anchor));
      expect(new Set(seen).size, `seed ${seed}`).toBe(1);
      const body = textOf(clients[0]!).toString();
      const inRange = seen[0] ?? '';
      // Every surviving quoted letter is in the range, and nothing from outside it ever is.
      expect(inRange.replace(/[^A-Z]/g, ''), `seed ${seed}`).toBe(body.replace(/[^A-Z]/g, ''));
      expect(inRange, `seed ${seed}`).not.toMatch(/[ab]/);
    }
  });
});

describe('point anchors (suggested insertions)', () => {
  it('resolve to the point they were made at, with both ends in the same place', () => {
    const ydoc = buildYDoc('Hello world');
    expect(showPoint(ydoc, anchorPoint(ydoc, 5))).toBe('Hello| world');
  });

  it('follow the text through insertions before and after the point', () => {
    const ydoc = buildYDoc('Hello world');
    const anchor = anchorPoint(ydoc, 5);
    textOf(ydoc).insert(0, 'Oh, ');
    textOf(ydoc).insert(textOf(ydoc).length, '!');
    textOf(ydoc).insert(9, ' big');
    expect(showPoint(ydoc, anchor)).toBe('Oh, Hello| big world!');
  });

  it('stay before text typed right at the point', () => {
    const ydoc = buildYDoc('Hello world');
    const anchor = anchorPoint(ydoc, 5);
    textOf(ydoc).insert(5, ', dear');
    expect(showPoint(ydoc, anchor)).toBe('Hello|, dear world');
  });

  it('survive the deletion of the text on one side of the point', () => {
    const left = buildYDoc('Hello brave world');
    const afterBrave = anchorPoint(left, 11);
    textOf(left).delete(6, 5); // "brave"
    expect(showPoint(left, afterBrave)).toBe('Hello | world');

    const right = buildYDoc('Hello brave world');
    const beforeWorld = anchorPoint(right, 12);
    textOf(right).delete(12, 5); // "world"
    expect(showPoint(right, beforeWorld)).toBe('Hello brave |');
  });

  it('become detached when the text around the point is deleted', () => {
    const ydoc = buildYDoc('Hello brave world');
    const anchor = anchorPoint(ydoc, 11);
    textOf(ydoc).delete(8, 6); // "ave wo"
    expect(showPoint(ydoc, anchor)).toBeNull();
    textOf(ydoc).insert(8, 'ave wo');
    // Retyping the same letters makes new text: the point does not come back.
    expect(showPoint(ydoc, anchor)).toBeNull();
  });

  it('come back when the deletion around the point is undone', () => {
    const ydoc = buildYDoc('Hello brave world');
    const anchor = anchorPoint(ydoc, 11);
    const undo = new Y.UndoManager(ydoc.getXmlFragment(DOCUMENT_FIELD));
    textOf(ydoc).delete(8, 6);
    expect(showPoint(ydoc, anchor)).toBeNull();
    undo.undo();
    expect(showPoint(ydoc, anchor)).toBe('Hello brave| world');
  });

  it('at the start or end of a paragraph, last as long as that paragraph', () => {
    const ydoc = buildYDoc('Hello world');
    const start = anchorPoint(ydoc, 0);
    const end = anchorPoint(ydoc, 11);
    textOf(ydoc).insert(0, 'Oh ');
    textOf(ydoc).insert(textOf(ydoc).length, '!');
    expect(showPoint(ydoc, start)).toBe('|Oh Hello world!');
    expect(showPoint(ydoc, end)).toBe('Oh Hello world|!');
    textOf(ydoc).delete(0, textOf(ydoc).length);
    expect(showPoint(ydoc, start)).toBe('|');
    expect(showPoint(ydoc, end)).toBe('|');
    ydoc.getXmlFragment(DOCUMENT_FIELD).delete(0, 1);
    ydoc.getXmlFragment(DOCUMENT_FIELD).insert(0, [new Y.XmlElement('paragraph')]);
    const { doc, binding } = bind(ydoc);
    expect(resolvePoint(binding, start, doc.content.size)).toBeNull();
    expect(resolvePoint(binding, end, doc.content.size)).toBeNull();
  });

  it('agree between two clients after concurrent edits at, before and after the point', () => {
    const a = buildYDoc('Hello world');
    const b = new Y.Doc();
    sync(a, b);
    const anchor = anchorPoint(a, 5);
    textOf(a).insert(5, ' there');
    textOf(b).insert(5, ',');
    textOf(b).insert(0, '>');
    textOf(a).insert(textOf(a).length, '!');
    sync(a, b);
    const seen = showPoint(a, anchor);
    expect(seen).toBe(showPoint(b, anchor));
    expect(seen!.replace(/ there|,/g, '')).toBe('>Hello| world!');
    expect(seen!.indexOf('|')).toBe(6);
  });

  it('become detached on every client when two people delete the two sides at once', () => {
    const a = buildYDoc('Hello brave world');
    const b = new Y.Doc();
    sync(a, b);
    const anchor = anchorPoint(a, 11);
    textOf(a).delete(6, 5); // "brave", on the left
    textOf(b).delete(11, 6); // " world", on the right
    expect(showPoint(a, anchor)).toBe('Hello | world');
    expect(showPoint(b, anchor)).toBe('Hello brave|');
    sync(a, b);
    expect(showPoint(a, anchor)).toBeNull();
    expect(showPoint(b, anchor)).toBeNull();
  });

  it('converge on every client through random concurrent edits and deliveries (seeded)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { clients, anchor } = randomlyEdited(seed, 'aaaaaXbbbbb', (first) => anchorPoint(first, 5));
      const seen = clients.map((c) => showPoint(c, anchor));
      expect(new Set(seen).size, `seed ${seed}`).toBe(1);
      // While attached, the point never leaves the gap between the letters it was made between.
      const point = seen[0];
      if (point) expect(point.replace(/[0-9]/g, ''), `seed ${seed}`).toMatch(/^a*\|X?b*$/);
    }
  });
});

/** A small seeded PRNG, so a failing run can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
