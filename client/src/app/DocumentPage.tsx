import { useParams } from 'react-router';
import { isValidDocumentId } from '@lcs/shared';
import { DocumentWorkspace } from '../components/DocumentWorkspace.tsx';
import { useDocumentSummary } from '../hooks/useDocumentSummary.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

function DocumentNotFound() {
  return <NotFoundPage title="Document not found" message="This document does not exist, or it was deleted." />;
}

/** `/d/:documentId`: one document, opened for co-editing. */
export function DocumentPage() {
  const { documentId = '' } = useParams();
  if (!isValidDocumentId(documentId)) return <DocumentNotFound />;
  return <DocumentLoader key={documentId} documentId={documentId} />;
}

function DocumentLoader({ documentId }: { documentId: string }) {
  const summary = useDocumentSummary(documentId);
  switch (summary.status) {
    case 'loading':
      return <p className="muted" role="status">Opening document…</p>;
    case 'not-found':
      return <DocumentNotFound />;
    case 'ready':
      return <DocumentWorkspace documentId={documentId} title={summary.document.title} />;
    case 'unavailable':
      // Offline or the API is down: the text can still come from this device's copy.
      return (
        <DocumentWorkspace
          documentId={documentId}
          title={documentId}
          notice={`Could not load the document details. ${summary.message} Editing continues on this device.`}
        />
      );
  }
}
