import { randomUUID } from 'node:crypto';
import type { CollabHook } from './types.ts';

/**
 * Until invitations and roles exist, every connection may edit. The role-based hook replaces this one;
 * the pipeline and the read-only enforcement below it are already in place.
 */
export const anonymousAccess: CollabHook = {
  name: 'anonymousAccess',
  onAuthenticate() {
    return { userId: `anonymous-${randomUUID()}`, readOnly: false };
  },
};
