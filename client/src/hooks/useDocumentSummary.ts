import { useEffect, useState } from 'react';
import type { DocumentListing } from '../lib/documentsApi.ts';
import { ApiError, errorMessage } from '../lib/apiClient.ts';
import { getDocument } from '../lib/documentsApi.ts';

export type DocumentSummaryState =
  | { status: 'loading' }
  | { status: 'ready'; document: DocumentListing }
  | { status: 'not-found' }
  /** The API did not answer usefully; the document may still open from this device's copy. */
  | { status: 'unavailable'; message: string };

/** A document's title and dates from `GET /api/documents/:id`. */
export function useDocumentSummary(documentId: string): DocumentSummaryState {
  const [state, setState] = useState<DocumentSummaryState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getDocument(documentId, controller.signal).then(
      (document) => setState({ status: 'ready', document }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'not-found' });
        else setState({ status: 'unavailable', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [documentId]);

  return state;
}
