import type { ThreadComment } from '@lcs/shared';
import { useComments } from './commentsContext.ts';
import { splitMentions } from './mentions.ts';

/** A comment's text with the people it mentions picked out. */
export function CommentBody({ comment }: { comment: Pick<ThreadComment, 'body' | 'mentions'> }) {
  const { people, me } = useComments();
  const mentioned = people.filter((p) => comment.mentions.includes(p.id));
  return (
    <p className="comment__body">
      {splitMentions(comment.body, mentioned.map((p) => p.displayName)).map((part, index) =>
        part.mention ? (
          <span key={index} className={`comment__mention${part.text === `@${me.displayName}` ? ' comment__mention--me' : ''}`}>
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
