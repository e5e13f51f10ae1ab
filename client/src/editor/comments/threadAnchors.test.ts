import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { buildParagraph, DOCUMENT_FIELD, editorSchema } from '@lcs/shared';
import { encodeAnchor, isDetached, resolveAnchor } from './threadAnchors.ts';
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
  return isDetached({ quote }, range) ? null : doc.textBetween(range!.from, range!.to);
}

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

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
    expect(isDetached({ quote: '' }, range)).toBe(false);
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
      const random = mulberry32(seed);
      const pick = (n: number) => Math.floor(random() * n);
      const clients = [buildYDoc('aaaaaQUOTEbbbbb')];
      for (let i = 1; i < 3; i++) {
        clients.push(new Y.Doc());
        sync(clients[0]!, clients[i]!);
      }
      const anchor = anchorText(clients[0]!, 5, 10);
      for (let step = 0; step < 60; step++) {
        const client = clients[pick(clients.length)]!;
        const text = textOf(client);
        if (random() < 0.6 || text.length < 2) text.insert(pick(text.length + 1), String(pick(10)));
        else {
          const at = pick(text.length);
          text.delete(at, Math.min(1 + pick(2), text.length - at));
        }
        if (random() < 0.3) sync(client, clients[pick(clients.length)]!);
      }
      for (const a of clients) for (const b of clients) sync(a, b);
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
