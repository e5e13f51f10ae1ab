import type { ExportComment } from './exportInput.ts';
import type { Block } from './exportModel.ts';
import { plainSpan } from './readInlines.ts';

export const COMMENTS_ANNEX_TITLE = 'Annex: Open comments and suggestions';

function byline(author: string, body: string): Block {
  return { type: 'paragraph', inlines: [plainSpan(`${author.trim() || 'Anonymous'}: `, { bold: true }), plainSpan(body)] };
}

/**
 * The open comments annex: each comment as the quoted passage it is anchored to, then its author and
 * text, then its replies as a list, numbered so a team can refer to "comment 3" in a meeting.
 */
export function commentsAnnex(comments: readonly ExportComment[], uniqueId: (wanted: string) => string): Block[] {
  const blocks: Block[] = [
    { type: 'pageBreak' },
    { type: 'heading', level: 1, number: null, inlines: [plainSpan(COMMENTS_ANNEX_TITLE)], id: uniqueId('annex-comments'), inToc: true },
  ];
  comments.forEach((comment, index) => {
    blocks.push({ type: 'heading', level: 2, number: null, inlines: [plainSpan(`Comment ${index + 1}`)], id: uniqueId(`comment-${index + 1}`), inToc: false });
    if (comment.quote.trim() !== '') blocks.push({ type: 'quote', blocks: [{ type: 'paragraph', inlines: [plainSpan(comment.quote.trim())] }] });
    blocks.push(byline(comment.author, comment.body));
    const replies = comment.replies ?? [];
    if (replies.length > 0) blocks.push({ type: 'list', ordered: false, start: 1, items: replies.map((reply) => [byline(reply.author, reply.body)]) });
  });
  return blocks;
}
