import type { Config } from './config.ts';
import { issueInvitation } from './http/invitationsRouter.ts';
import type { Logger } from './logger.ts';
import type { Storage } from './storage/storage.ts';

/**
 * First run: with no facilitator yet, issue a one-use facilitator invitation and print its link, so
 * the README's start command alone lets a newcomer in. Returns the link, or null when not needed.
 */
export async function ensureFirstFacilitator(storage: Storage, config: Pick<Config, 'PUBLIC_URL'>, logger: Logger): Promise<string | null> {
  if ((await storage.directory.countFacilitators()) > 0) return null;
  const { url } = await issueInvitation(storage.directory, config.PUBLIC_URL, {
    workshopId: null,
    teamId: null,
    role: 'facilitator',
    expiresInHours: 24 * 7,
    maxUses: 1,
    createdBy: null,
  });
  logger.warn({ category: 'boot' }, `No facilitator yet. Open this link to become the first one: ${url}`);
  return url;
}
