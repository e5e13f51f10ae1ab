import type { SectionGuidance } from './sectionGuidance.ts';
import { guidanceSourceNotes } from './sectionGuidance.ts';

export interface GuidancePanelProps {
  id: string;
  sectionTitle: string;
  guidance: SectionGuidance;
  open: boolean;
}

/**
 * The questions a section should answer. Outside the document's text (not editable, not copied,
 * not exported), and credited to whoever wrote them.
 */
export function GuidancePanel({ id, sectionTitle, guidance, open }: GuidancePanelProps) {
  return (
    <aside id={id} className="section-guidance" aria-label={`Guidance for ${sectionTitle}`} contentEditable={false} data-section-chrome="" hidden={!open}>
      <ul className="section-guidance__questions">
        {guidance.questions.map((question) => (
          <li key={question}>{question}</li>
        ))}
      </ul>
      <p className="section-guidance__source">{guidanceSourceNotes[guidance.source]}</p>
    </aside>
  );
}
