import { useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { findSection } from '@lcs/shared/editor';

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

  const commit = (text: string | null) => {
    if (text === null || editor.isDestroyed) return;
    // Compared with the document, not with the props: someone may have changed it meanwhile.
    const current: unknown = findSection(editor.state.doc, sectionKey)?.node.attrs.lead;
    if (text.trim() !== (typeof current === 'string' ? current : '')) editor.commands.setSectionLead(sectionKey, text);
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
        // A blur can come in the middle of a view update (the field left the page): never dispatch
        // from inside one.
        if (!cancelled.current) queueMicrotask(() => commit(draft));
        cancelled.current = false;
        setDraft(null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit(draft);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          cancelled.current = true;
          event.currentTarget.blur();
        }
      }}
    />
  );
}
