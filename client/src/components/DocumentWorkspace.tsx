import { Link } from 'react-router';
import { useCollabSession } from '../collab/useCollabSession.ts';
import { CollaborativeEditor } from '../editor/CollaborativeEditor.tsx';
import { useIdentity } from '../hooks/useIdentity.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { SyncStatusIndicator } from './SyncStatusIndicator.tsx';

export interface DocumentWorkspaceProps {
  documentId: string;
  title: string;
  /** Shown under the title when the document's details could not be loaded. */
  notice?: string;
}

/** An open document: its title, the sync status and the collaborative editor. */
export function DocumentWorkspace({ documentId, title, notice }: DocumentWorkspaceProps) {
  const { session, sync } = useCollabSession(documentId);
  const { identity } = useIdentity();
  usePageTitle(title);

  return (
    <article className="workspace">
      <header className="workspace__header">
        <Link to="/" className="workspace__back">
          ← All documents
        </Link>
        <div className="workspace__title-row">
          <h1 className="workspace__title">{title}</h1>
          <SyncStatusIndicator sync={sync} />
        </div>
        {notice && <p className="workspace__notice">{notice}</p>}
      </header>
      {session && <CollaborativeEditor key={session.documentId} session={session} identity={identity} />}
    </article>
  );
}
