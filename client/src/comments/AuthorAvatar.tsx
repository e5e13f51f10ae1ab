import { safeColor } from '../editor/comments/threadDecorations.ts';
import { contrastingTextColor } from '../lib/contrastingTextColor.ts';

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 2)
    .map((word) => [...word][0]!.toLocaleUpperCase());
  return letters.join('') || '?';
}

/** A person's initials on their colour; the name itself is always written beside it. */
export function AuthorAvatar({ name, color }: { name: string; color: string }) {
  const background = safeColor(color);
  return (
    <span className="author-avatar" style={{ backgroundColor: background, color: contrastingTextColor(background) }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
