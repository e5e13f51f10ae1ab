import type { JSONNode } from './strategyDocument.ts';

/**
 * The plain text of a node. Inline siblings are joined as they are (a word split by a bold mark
 * stays one word); block siblings and hard breaks are separated by a newline so that the last word
 * of one paragraph never runs into the first word of the next.
 */
export function nodeText(node: JSONNode): string {
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'hardBreak') return '\n';
  const children = node.content ?? [];
  const inline = children.some((child) => typeof child.text === 'string');
  return children.map(nodeText).join(inline ? '' : '\n');
}
