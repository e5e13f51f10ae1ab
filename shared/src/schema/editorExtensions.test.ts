import { describe, expect, it } from 'vitest';
import { editorSchema } from './editorExtensions.ts';

describe('editor schema', () => {
  it('holds headings, lists, marks, links and tables so the server can read what the editor writes', () => {
    const schema = editorSchema();
    for (const node of ['doc', 'paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'table', 'tableRow', 'tableHeader', 'tableCell']) {
      expect(schema.nodes[node], node).toBeDefined();
    }
    for (const mark of ['bold', 'italic', 'link']) {
      expect(schema.marks[mark], mark).toBeDefined();
    }
  });

  it('parses a document with a table and rejects a node it does not know', () => {
    const schema = editorSchema();
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Vision' }] },
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Action' }] }] }] }],
        },
      ],
    });
    expect(doc.textContent).toBe('VisionAction');
    expect(() => schema.nodeFromJSON({ type: 'doc', content: [{ type: 'nope' }] })).toThrow();
  });
});
