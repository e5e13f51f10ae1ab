import { useMemo, useSyncExternalStore } from 'react';
import { DOCUMENT_FIELD } from '@lcs/shared';
import type { CollabSession } from '../collab/createCollabSession.ts';
import { isDocumentLoaded } from '../collab/isDocumentLoaded.ts';

function documentLoadedStore({ ydoc, provider }: CollabSession) {
  const body = ydoc.getXmlFragment(DOCUMENT_FIELD);
  // Once loaded, always loaded: a later disconnect does not take the content away.
  let loaded = false;
  const get = () => (loaded ||= isDocumentLoaded({ hasSynced: provider.synced, bodyLength: body.length }));
  return {
    get,
    subscribe(onChange: () => void): () => void {
      const check = () => {
        if (!loaded && get()) onChange();
      };
      provider.on('sync', check);
      ydoc.on('update', check);
      return () => {
        provider.off('sync', check);
        ydoc.off('update', check);
      };
    },
  };
}

/** True once the session's document has content to edit (see `isDocumentLoaded`); stays true. */
export function useDocumentLoaded(session: CollabSession): boolean {
  const store = useMemo(() => documentLoadedStore(session), [session]);
  return useSyncExternalStore(store.subscribe, store.get);
}
