import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { Awareness } from 'y-protocols/awareness';
import { analyzeSections, builtinTemplate, computeCoverage } from '@lcs/shared';
import type { AreaOfFocusCoverage, JSONNode, SectionAnalysis, Template } from '@lcs/shared';
import { groupPresence } from '../components/outline/presence.ts';
import type { PresentPerson } from '../components/outline/presence.ts';
import { readRemoteCursors } from '../editor/sections/readRemoteCursors.ts';
import { sectionKeyAt } from '../editor/sections/sectionKeyAt.ts';

/** What the outline and coverage view show, read from the document and the others' cursors. */
export interface StrategyOverview {
  sections: SectionAnalysis[];
  /** Null when the strategy's template is not known here, or it is not a strategy. */
  coverage: AreaOfFocusCoverage[] | null;
  /** Others in each section now, by section key. */
  presence: Map<string, PresentPerson[]>;
  /** The section this person's own cursor is in. */
  currentKey: string | null;
}

/** Waits for typing to pause this long before recounting (ms)... */
const settleMs = 150;
/** ...but recounts at least this often during long bursts of typing (ms). */
const maxWaitMs = 1000;

// Without its template a strategy's titles still come from the document; nothing counts as required.
const unknownTemplate: Template = { ...builtinTemplate, sections: [] };

function readOverview(editor: Editor, awareness: Awareness, template: Template | null): StrategyOverview {
  const json = editor.getJSON() as JSONNode;
  const { state } = editor;
  return {
    sections: analyzeSections(json, template ?? unknownTemplate),
    coverage: template ? computeCoverage(json, template) : null,
    presence: groupPresence(readRemoteCursors(editor, awareness)),
    currentKey: sectionKeyAt(state.doc, state.selection.head),
  };
}

/**
 * The strategy's outline, coverage and presence, kept up to date: recomputed with the same shared
 * code as the server's when the document changes or someone's cursor moves, once things settle.
 */
export function useStrategyOverview(editor: Editor, awareness: Awareness, template: Template | null): StrategyOverview {
  const [overview, setOverview] = useState(() => readOverview(editor, awareness, template));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstPending: number | null = null;
    const refresh = () => {
      timer = undefined;
      firstPending = null;
      if (!editor.isDestroyed) setOverview(readOverview(editor, awareness, template));
    };
    const schedule = () => {
      const now = Date.now();
      firstPending ??= now;
      clearTimeout(timer);
      timer = setTimeout(refresh, now - firstPending >= maxWaitMs ? 0 : settleMs);
    };
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean; selectionSet: boolean } }) => {
      if (transaction.docChanged || transaction.selectionSet) schedule();
    };
    refresh();
    editor.on('transaction', onTransaction);
    awareness.on('change', schedule);
    return () => {
      clearTimeout(timer);
      editor.off('transaction', onTransaction);
      awareness.off('change', schedule);
    };
  }, [editor, awareness, template]);

  return overview;
}
