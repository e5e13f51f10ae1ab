import { resolveSession } from '../../auth/authenticate.ts';
import { isSameOrigin } from '../../auth/originCheck.ts';
import { strategyAccess } from '../../auth/permissions.ts';
import type { Person } from '../../directory/directory.ts';
import type { Storage } from '../../storage/storage.ts';
import { CloseError } from '../CloseError.ts';
import type { CollabHook, ConnectionContext } from './types.ts';

/** Reads a document or a team; during revalidation, once per round for all its sockets. */
type Lookup = <T>(key: string, load: () => Promise<T>) => Promise<T>;
const direct: Lookup = (_key, load) => load();

async function contextFor(storage: Storage, person: Person, documentId: string, sessionHash: string, lookup: Lookup = direct): Promise<ConnectionContext> {
  const doc = await lookup(`document:${documentId}`, () => storage.getDocument(documentId));
  if (!doc) throw new CloseError('notFound');
  const teamId = doc.teamId;
  const team = teamId ? await lookup(`team:${teamId}`, () => storage.directory.getTeam(teamId)) : undefined;
  const access = strategyAccess(person, { teamId: doc.teamId, workshopId: team?.workshopId ?? null });
  if (access === 'none') throw new CloseError('forbidden', `${person.id} may not open ${documentId}`);
  return { userId: person.id, access, readOnly: access !== 'edit', sessionHash };
}

/**
 * Authorises a socket from its session cookie: 4401 without a live session, 4403 for a strategy the
 * person may not open (or a cross-site upgrade). Experts and observers get a read-only socket.
 * On revalidation a revoked person or ended session is closed with 4401, a lost team with 4403.
 */
export function sessionAccess(options: { allowedOrigins: readonly string[] }): CollabHook {
  return {
    name: 'sessionAccess',
    async onAuthenticate({ documentId, request, storage }) {
      if (!isSameOrigin(request, options.allowedOrigins)) throw new CloseError('forbidden', 'cross-origin socket');
      const auth = await resolveSession(storage.directory, request);
      if (!auth) throw new CloseError('unauthenticated');
      return contextFor(storage, auth.person, documentId, auth.session.tokenHash);
    },
    async onRevalidate({ documentId, context, storage, cached }) {
      const hash = context.sessionHash;
      const found = hash ? await cached(`session:${hash}`, () => storage.directory.findSession(hash, new Date())) : undefined;
      if (!found) throw new CloseError('unauthenticated', 'session ended or person revoked');
      return contextFor(storage, found.person, documentId, hash!, cached);
    },
  };
}
