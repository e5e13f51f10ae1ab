import { useState } from 'react';
import type { Thread } from '@lcs/shared';
import { useComments } from './commentsContext.ts';
import type { SectionGroup } from './groupBySection.ts';
import { decideAll } from './suggestionDecisions.ts';

const decisions = [
  { decision: 'accepted', verb: 'Accept' },
  { decision: 'rejected', verb: 'Reject' },
] as const;

export interface SectionSuggestionsProps {
  /** Pending suggestions whose text is in the document, grouped by section. */
  groups: readonly SectionGroup<Thread>[];
}

/** Per section with pending suggestions: how many, and accept all or reject all of them. */
export function SectionSuggestions({ groups: all }: SectionSuggestionsProps) {
  const { editor, outbox } = useComments();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  // A suggestion whose decision waits in the outbox is not decided a second time.
  const deciding = new Set(outbox.entries.flatMap((e) => (e.kind === 'decide' && e.error === null ? [e.threadId] : [])));
  const groups = all.map((g) => ({ ...g, items: g.items.filter((t) => !deciding.has(t.id)) })).filter((g) => g.items.length > 0);
  if (groups.length === 0) return null;

  const decide = async (group: SectionGroup<Thread>, decision: 'accepted' | 'rejected') => {
    setBusy(true);
    setProblems((await decideAll(editor, outbox, group.items, decision)).problems);
    setBusy(false);
  };

  return (
    <section className="section-suggestions" aria-label="Pending suggestions by section" data-testid="section-suggestions">
      <ul className="section-suggestions__list">
        {groups.map((group) => (
          <li key={group.key ?? ''} className="section-suggestions__item" data-section-key={group.key ?? ''}>
            <span className="section-suggestions__title">
              {group.title} <span className="muted">· {group.items.length} {group.items.length === 1 ? 'suggestion' : 'suggestions'}</span>
            </span>
            <span className="comment-actions">
              {decisions.map(({ decision, verb }) => (
                <button
                  key={decision}
                  type="button"
                  className="comment-link"
                  aria-label={`${verb} all suggestions in ${group.title}`}
                  disabled={busy}
                  onClick={() => void decide(group, decision)}
                >
                  {verb} all
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {problems.length > 0 && (
        <div className="comment-error" role="alert">
          Some suggestions could not be decided:
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
