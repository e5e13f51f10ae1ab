import { useCallback, useEffect, useState } from 'react';
import type { DocumentListing } from '../lib/documentsApi.ts';
import { errorMessage } from '../lib/apiClient.ts';
import { listDocuments } from '../lib/documentsApi.ts';

export type DocumentsState =
  | { status: 'loading' }
  | { status: 'ready'; documents: DocumentListing[] }
  | { status: 'error'; message: string };

/** The document list from the API, with a way to load it again after an error. */
export function useDocuments(): { state: DocumentsState; reload: () => void } {
  const [state, setState] = useState<DocumentsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    listDocuments(controller.signal).then(
      (documents) => setState({ status: 'ready', documents }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, reload };
}
