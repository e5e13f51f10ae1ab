import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAccessRecheck } from '../collab/useAccessRecheck.ts';
import { useCollabSession } from '../collab/useCollabSession.ts';
import { CommentsPanel } from '../comments/CommentsPanel.tsx';
import { CollaborativeEditor } from '../editor/CollaborativeEditor.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { useSignedIn } from '../hooks/useSession.ts';
import { readOnlyBadge } from '../lib/accessLabels.ts';
import type { StrategySummary } from '../lib/documentsApi.ts';
import { ExportMenu } from './export/ExportMenu.tsx';
import { StrategySidebar } from './sidebar/StrategySidebar.tsx';
import { StrategyOrigin } from './StrategyOrigin.tsx';
import { SyncStatusIndicator } from './SyncStatusIndicator.tsx';

export interface DocumentWorkspaceProps {
  documentId: string;
  title: string;
  /** What the signed-in person may do; anything but `edit` opens the document read-only. */
  access: StrategySummary['access'];
  /** The strategy's workshop, whose people comments can mention; null or absent: no mention picker. */
  workshopId?: string | null;
  /** Where "back" leads: the workshop page, or the start page when the workshop is not known. */
  back: { to: string; label: string };
  /** Shown under the title when the document's details could not be loaded. */
  notice?: string;
  /** Loads the access again; called when the server signals that it may have changed. */
  onAccessMayHaveChanged: () => void;
}

/** An open document: its title, access and sync status, and the collaborative editor. */
export function DocumentWorkspace({ documentId, title, access, workshopId = null, back, notice, onAccessMayHaveChanged }: DocumentWorkspaceProps) {
  const { session, sync } = useCollabSession(documentId);
  useAccessRecheck(session, onAccessMayHaveChanged);
  const { person } = useSignedIn();
  // A new object only when the name or colour changes: each change is broadcast to every caret.
  const user = useMemo(() => ({ name: person.displayName, color: person.color }), [person.displayName, person.color]);
  const badge = readOnlyBadge(access);
  // A member who switches to suggesting proposes changes instead of typing them.
  const [suggesting, setSuggesting] = useState(false);
  usePageTitle(title);

  return (
    <article className="workspace">
      <header className="workspace__header">
        <Link to={back.to} className="workspace__back">
          ← {back.label}
        </Link>
        <div className="workspace__title-row">
          <h1 className="workspace__title">{title}</h1>
          <SyncStatusIndicator sync={sync} />
          <ExportMenu documentId={documentId} title={title} />
        </div>
        {session && <StrategyOrigin ydoc={session.ydoc} />}
        {badge && (
          <p className="read-only-badge" data-testid="read-only-badge" data-access={access}>
            {badge}
          </p>
        )}
        {notice && (
          <p className="workspace__notice" data-testid="workspace-notice">
            {notice}
          </p>
        )}
      </header>
      {session && (
        <div className="workspace__body">
          <CollaborativeEditor
            key={session.documentId}
            session={session}
            user={user}
            editable={access === 'edit' && !suggesting}
            aside={(editor) => (
              <>
                <CommentsPanel editor={editor} session={session} access={access} workshopId={workshopId} suggesting={suggesting} onSuggestingChange={setSuggesting} />
                <StrategySidebar editor={editor} session={session} />
              </>
            )}
          />
        </div>
      )}
    </article>
  );
}
