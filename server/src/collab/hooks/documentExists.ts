import { isValidDocumentId } from '@lcs/shared';
import { CloseError } from '../CloseError.ts';
import type { CollabHook } from './types.ts';

/** Refuses ids that are malformed or name no stored document, before anything is loaded. */
export const documentExists: CollabHook = {
  name: 'documentExists',
  async onConnect({ documentId, storage }) {
    if (!isValidDocumentId(documentId) || !(await storage.getDocument(documentId))) {
      throw new CloseError('notFound', `no document ${documentId}`);
    }
  },
};
