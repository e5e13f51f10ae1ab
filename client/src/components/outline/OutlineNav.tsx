import type { OutlineEntry } from './outlineEntries.ts';
import { PresenceAvatars } from './PresenceAvatars.tsx';

export interface OutlineNavProps {
  entries: readonly OutlineEntry[];
  /** The section this person's cursor is in, marked as the current location. */
  currentKey: string | null;
  onNavigate: (key: string) => void;
}

function OutlineItem({ entry, currentKey, onNavigate }: { entry: OutlineEntry } & Omit<OutlineNavProps, 'entries'>) {
  const titleId = `outline-title-${entry.key}`;
  const detailsId = `outline-details-${entry.key}`;
  return (
    <li className="outline__item" data-depth={entry.depth}>
      <button
        type="button"
        className="outline__button"
        data-testid={`outline-item-${entry.key}`}
        data-status={entry.status}
        aria-labelledby={titleId}
        aria-describedby={detailsId}
        aria-current={entry.key === currentKey ? 'location' : undefined}
        onClick={() => onNavigate(entry.key)}
      >
        <span className="outline__head">
          <span id={titleId} className="outline__title">
            {entry.title}
          </span>
          <PresenceAvatars people={entry.people} />
        </span>
        <span id={detailsId} className="outline__details">
          <span className="status-badge" data-status={entry.status}>
            {entry.statusLabel}
          </span>
          {entry.lead && <span className="outline__lead">Lead: {entry.lead}</span>}
          <span className="outline__words">{entry.wordsLabel}</span>
          {entry.flags.map((flag) => (
            <span key={flag.kind} className="outline__flag" data-flag={flag.kind} title={flag.detail}>
              {flag.text}
            </span>
          ))}
        </span>
      </button>
      {entry.subsections.length > 0 && (
        <ol className="outline__list outline__list--nested">
          {entry.subsections.map((child) => (
            <OutlineItem key={child.key} entry={child} currentKey={currentKey} onNavigate={onNavigate} />
          ))}
        </ol>
      )}
    </li>
  );
}

/**
 * Every section of the strategy with its status, lead, word count, flags and who is in it now.
 * Choosing a section takes the editor there.
 */
export function OutlineNav({ entries, currentKey, onNavigate }: OutlineNavProps) {
  return (
    <nav className="outline" aria-label="Outline">
      {entries.length === 0 ? (
        <p className="outline__empty muted">This document has no sections.</p>
      ) : (
        <ol className="outline__list">
          {entries.map((entry) => (
            <OutlineItem key={entry.key} entry={entry} currentKey={currentKey} onNavigate={onNavigate} />
          ))}
        </ol>
      )}
    </nav>
  );
}
