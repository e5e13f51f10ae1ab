import type { Editor } from '@tiptap/core';
import { isSectionStatus, SECTION_STATUSES } from '@lcs/shared';
import type { SectionStatus } from '@lcs/shared';
import { sectionStatusLabels } from './sectionStatusLabels.ts';

export interface SectionStatusControlProps {
  editor: Editor;
  sectionKey: string;
  sectionTitle: string;
  status: SectionStatus;
  /** False for people who may only read: they see the status as text. */
  editable: boolean;
}

/** A section's writing status: a select for writers, a badge for readers. Syncs through the document. */
export function SectionStatusControl({ editor, sectionKey, sectionTitle, status, editable }: SectionStatusControlProps) {
  if (!editable) {
    return (
      <span className="status-badge" data-status={status}>
        <span className="visually-hidden">Status: </span>
        {sectionStatusLabels[status]}
      </span>
    );
  }
  return (
    <select
      className="status-select"
      data-status={status}
      aria-label={`Status of ${sectionTitle}`}
      value={status}
      onChange={(event) => {
        const next = event.target.value;
        if (isSectionStatus(next)) editor.commands.setSectionStatus(sectionKey, next);
      }}
    >
      {SECTION_STATUSES.map((option) => (
        <option key={option} value={option}>
          {sectionStatusLabels[option]}
        </option>
      ))}
    </select>
  );
}
