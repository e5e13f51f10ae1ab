import { useRef, useState } from 'react';
import { copyToClipboard } from '../../lib/copyToClipboard.ts';

const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** A link just created, with "Copy link"; where the clipboard is refused the link is selected instead. */
export function InvitationLink({ url, description }: { url: string; description: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'selected' | null>(null);
  const link = useRef<HTMLElement>(null);

  async function copy() {
    if (await copyToClipboard(url)) return setOutcome('copied');
    const element = link.current;
    const selection = window.getSelection();
    if (element && selection) selection.selectAllChildren(element);
    setOutcome('selected');
  }

  return (
    <div className="invitation-link">
      <p>
        {description} It is shown only this once: copy it now and send it to the people it is for.
      </p>
      <div className="invitation-link__row">
        <code ref={link} className="invitation-link__url" data-testid="invitation-url">
          {url}
        </code>
        <button type="button" className="button" onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      <p className="invitation-link__outcome" role="status">
        {outcome === 'copied' && 'Link copied.'}
        {outcome === 'selected' && `The link is selected: press ${isApple ? '⌘C' : 'Ctrl+C'} to copy it.`}
      </p>
    </div>
  );
}
