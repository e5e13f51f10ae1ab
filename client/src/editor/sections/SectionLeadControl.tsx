import { useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';

/** Longest lead name the field takes, in characters: a name or two, not a paragraph. */
const maxLeadLength = 80;

export interface SectionLeadControlProps {
  editor: Editor;
  sectionKey: string;
  sectionTitle: string;
  lead: string | null;
  /** False for people who may only read: they see the lead as text. */
  editable: boolean;
}

/**
 * Who leads a section. The text is written to the document on Enter or when the field loses focus,
 * not per keystroke, so others do not see half-typed names; Escape puts back the current lead.
 */
export function SectionLeadControl({ editor, sectionKey, sectionTitle, lead, editable }: SectionLeadControlProps) {
  // Null while the field is not being edited: it then follows the document, changes by others included.
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);

  if (!editable) {
    return <span className="section-lead">{lead ? `Lead: ${lead}` : 'No lead yet'}</span>;
  }

  const commit = () => {
    if (draft !== null && draft.trim() !== (lead ?? '')) editor.commands.setSectionLead(sectionKey, draft);
  };
  return (
    <input
      type="text"
      className="lead-input"
      aria-label={`Lead of ${sectionTitle}`}
      placeholder="Lead"
      maxLength={maxLeadLength}
      value={draft ?? lead ?? ''}
      onFocus={() => setDraft(lead ?? '')}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => {
        if (!cancelled.current) commit();
        cancelled.current = false;
        setDraft(null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          cancelled.current = true;
          event.currentTarget.blur();
        }
      }}
    />
  );
}
