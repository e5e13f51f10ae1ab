import { useCallback, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import type { CollabSession } from '../../collab/createCollabSession.ts';
import { navigateToSection } from '../../editor/sections/navigateToSection.ts';
import { useDocumentLoaded } from '../../hooks/useDocumentLoaded.ts';
import { useStrategyOverview } from '../../hooks/useStrategyOverview.ts';
import { useStrategyTemplateState } from '../../hooks/useStrategyTemplate.ts';
import { CoverageView } from '../coverage/CoverageView.tsx';
import { outlineEntries } from '../outline/outlineEntries.ts';
import { OutlineNav } from '../outline/OutlineNav.tsx';

const views = [
  { id: 'outline', label: 'Outline' },
  { id: 'coverage', label: 'Coverage' },
] as const;
type View = (typeof views)[number]['id'];

export interface StrategySidebarProps {
  editor: Editor;
  session: CollabSession;
}

/** Beside the document: its outline, and the Key Features coverage, one at a time as tabs. */
export function StrategySidebar({ editor, session }: StrategySidebarProps) {
  const loaded = useDocumentLoaded(session);
  const { template, status: templateStatus } = useStrategyTemplateState(session.ydoc);
  const overview = useStrategyOverview(editor, session.provider.awareness, template);
  const entries = useMemo(() => outlineEntries(overview.sections, overview.presence), [overview]);
  const [view, setView] = useState<View>('outline');
  const navigate = useCallback((key: string) => navigateToSection(editor, key), [editor]);

  // Arrow keys move between tabs, as in any ARIA tab list (one tab stop).
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = views[(views.findIndex((v) => v.id === view) + 1) % views.length]!;
    setView(next.id);
    document.getElementById(`sidebar-tab-${next.id}`)?.focus();
  };

  return (
    <aside className="strategy-sidebar" aria-label="Strategy overview" data-testid="strategy-sidebar">
      <div className="sidebar-tabs" role="tablist" aria-label="Strategy overview" onKeyDown={onTabKey}>
        {views.map(({ id, label }) => (
          <button
            key={id}
            id={`sidebar-tab-${id}`}
            type="button"
            role="tab"
            className="sidebar-tabs__tab"
            aria-selected={view === id}
            aria-controls={`sidebar-panel-${id}`}
            tabIndex={view === id ? 0 : -1}
            onClick={() => setView(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div id="sidebar-panel-outline" role="tabpanel" aria-labelledby="sidebar-tab-outline" className="sidebar-panel" hidden={view !== 'outline'}>
        {loaded ? (
          <OutlineNav entries={entries} currentKey={overview.currentKey} onNavigate={navigate} />
        ) : (
          <p className="muted" role="status">
            Loading the outline…
          </p>
        )}
      </div>
      <div id="sidebar-panel-coverage" role="tabpanel" aria-labelledby="sidebar-tab-coverage" className="sidebar-panel" hidden={view !== 'coverage'}>
        {loaded && template && overview.coverage && <CoverageView template={template} coverage={overview.coverage} onNavigate={navigate} />}
        {loaded && templateStatus === 'none' && <p className="muted">Coverage is shown for strategies made from a Key Features template.</p>}
        {loaded && templateStatus === 'loading' && (
          <p className="muted" role="status">
            Loading the strategy’s template…
          </p>
        )}
        {loaded && templateStatus === 'unavailable' && <p className="muted">The template this strategy was made from could not be loaded, so its coverage cannot be shown.</p>}
      </div>
    </aside>
  );
}
