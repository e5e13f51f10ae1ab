import { useLocation, useParams } from 'react-router';
import { isValidDocumentId } from '@lcs/shared';
import { DocumentWorkspace } from '../components/DocumentWorkspace.tsx';
import { NoticePage } from '../components/NoticePage.tsx';
import type { DocumentLinkState } from '../components/StrategyList.tsx';
import { browserStore } from '../lib/keyValueStore.ts';
import { useApiResource } from '../hooks/useApiResource.ts';
import { useSignedIn } from '../hooks/useSession.ts';
import { ApiError } from '../lib/apiClient.ts';
import { getDocument } from '../lib/documentsApi.ts';
import { openStrategy } from '../lib/openStrategy.ts';
import { paths } from '../lib/paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

function DocumentNotFound() {
  return <NotFoundPage title="Strategy not found" message="This strategy does not exist, or it was deleted." />;
}

/** `/d/:documentId`: one strategy, opened for co-editing, or read-only for experts and observers. */
export function DocumentPage() {
  const { documentId = '' } = useParams();
  if (!isValidDocumentId(documentId)) return <DocumentNotFound />;
  return <DocumentLoader key={documentId} documentId={documentId} />;
}

/** Back to the workshop the person came from (links pass it along), else their own, else the start page. */
function useBackLink(): { to: string; label: string } {
  const { workshop } = useSignedIn();
  const state = useLocation().state as Partial<DocumentLinkState> | null;
  const workshopId = typeof state?.workshopId === 'string' ? state.workshopId : workshop?.id;
  return workshopId ? { to: paths.workshop(workshopId), label: 'Back to the workshop' } : { to: paths.home(), label: 'Back to all workshops' };
}

const offlineNotice = 'The server cannot be reached: this strategy opened from this device’s copy. Keep writing; your changes are kept here and sync when the server is back.';

function DocumentLoader({ documentId }: { documentId: string }) {
  const { person } = useSignedIn();
  // Offline, the details and access this person last had on this device (see openStrategy).
  const { state, refresh } = useApiResource(`strategy:${documentId}`, (signal) =>
    openStrategy({ documentId, personId: person.id, store: browserStore(), fetchSummary: getDocument, signal }),
  );
  const back = useBackLink();
  if (state.status === 'loading') {
    return (
      <p className="muted" role="status">
        Opening the strategy…
      </p>
    );
  }
  if (state.status === 'ready') {
    const strategy = state.data.summary;
    return (
      <DocumentWorkspace
        documentId={documentId}
        title={strategy.title}
        access={strategy.access}
        workshopId={strategy.workshopId}
        back={back}
        notice={state.data.offlineSince === null ? undefined : offlineNotice}
        onAccessMayHaveChanged={refresh}
      />
    );
  }
  const { error } = state;
  if (error instanceof ApiError && error.status === 404) return <DocumentNotFound />;
  if (error instanceof ApiError && error.status === 403) {
    return (
      <NoticePage title="This strategy belongs to another team" back={back}>
        <p>Only its team, the experts reviewing it and the facilitators can open it.</p>
      </NoticePage>
    );
  }
  // The details could not be loaded (offline, server error): the text can still come from this
  // device's copy, read-only until the access is known; a reconnect loads it again.
  return (
    <DocumentWorkspace
      documentId={documentId}
      title="Strategy"
      access="read"
      back={back}
      notice={`Could not load the strategy’s details. ${state.message} It opens read-only until they load.`}
      onAccessMayHaveChanged={refresh}
    />
  );
}
