import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { buildParagraph, buildSection, buildStrategyContent, builtinTemplate } from '@lcs/shared';
import { editorSchema } from '@lcs/shared/editor';
import type { JSONNode } from '@lcs/shared';

const schema = editorSchema();

/** A ProseMirror document with the editor's schema, from JSON. For tests. */
export function buildDoc(json: JSONNode): ProseMirrorNode {
  return schema.nodeFromJSON(json);
}

/** A new strategy made from the built-in template, as the server creates it. For tests. */
export function buildBuiltinStrategy(): ProseMirrorNode {
  return buildDoc(buildStrategyContent(builtinTemplate));
}

/** A small document: "a" with text "Alpha", then "b" holding only the subsection "b1". For tests. */
export function buildTwoSections(): ProseMirrorNode {
  return buildDoc({
    type: 'doc',
    content: [
      buildSection('a', { title: 'A', content: [buildParagraph('Alpha')] }),
      buildSection('b', { title: 'B', content: [], children: [buildSection('b1', { title: 'B one', level: 3, content: [buildParagraph('Beta')] })] }),
    ],
  });
}
