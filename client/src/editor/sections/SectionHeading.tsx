import { useState } from 'react';
import type * as Y from 'yjs';
import { NodeViewContent, NodeViewWrapper, useEditorState } from '@tiptap/react';
import type { ReactNodeViewProps } from '@tiptap/react';
import { useStrategyTemplate } from '../../hooks/useStrategyTemplate.ts';
import { GuidancePanel } from './GuidancePanel.tsx';
import { sectionContextOf } from './sectionDecorations.ts';
import { sectionGuidance } from './sectionGuidance.ts';
import { SectionLeadControl } from './SectionLeadControl.tsx';
import { SectionStatusControl } from './SectionStatusControl.tsx';

/** Options of the section title node once it has this heading as its view. */
export interface SectionHeadingOptions {
  /** The document, for the strategy's template (and so the guidance). */
  ydoc: Y.Doc | null;
}

/**
 * The node view of a section title: the title (shown, never typed into: its text is protected,
 * and a contentEditable title makes IMEs flicker), the section's status, lead and guidance toggle
 * beside it, and the guidance panel under it. Everything but the title text is outside the document.
 */
export function SectionHeading({ node, decorations, editor, extension }: ReactNodeViewProps) {
  const { ydoc } = extension.options as SectionHeadingOptions;
  const section = sectionContextOf(decorations);
  const template = useStrategyTemplate(ydoc);
  const editable = useEditorState({ editor, selector: ({ editor: current }) => current.isEditable });
  const [guidanceOpen, setGuidanceOpen] = useState(false);

  const title = node.textContent;
  const level = node.attrs.level === 3 ? 3 : 2;
  const guidance = section ? sectionGuidance(template, section.key) : null;
  const panelId = section ? `guidance-${section.key}` : '';

  return (
    <NodeViewWrapper className="section-heading" data-level={level}>
      <div className="section-heading__row">
        <NodeViewContent<'h2' | 'h3'> as={level === 3 ? 'h3' : 'h2'} className="section-heading__title" contentEditable={false} />
        {section && (
          <div className="section-heading__controls" contentEditable={false} data-section-chrome="">
            <SectionStatusControl editor={editor} sectionKey={section.key} sectionTitle={title} status={section.status} editable={editable} />
            <SectionLeadControl editor={editor} sectionKey={section.key} sectionTitle={title} lead={section.lead} editable={editable} />
            {guidance && (
              <button
                type="button"
                className="guidance-toggle"
                aria-expanded={guidanceOpen}
                aria-controls={panelId}
                onClick={() => setGuidanceOpen((open) => !open)}
              >
                Guidance
              </button>
            )}
          </div>
        )}
      </div>
      {guidance && <GuidancePanel id={panelId} sectionTitle={title} guidance={guidance} open={guidanceOpen} />}
    </NodeViewWrapper>
  );
}
