import { Router } from 'express';
import type { Fanout } from '../collab/fanout/fanout.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/storage.ts';

/**
 * `GET /healthz`: 200 when storage answers, 503 when it does not. With several processes, a process
 * cut off from Redis still serves its own clients and stores everything, so it stays 200 but says
 * `degraded` (its clients do not see the other processes' edits until Redis is back): an operator's
 * alert, not a load balancer's reason to take every process out at once.
 */
export function healthRouter(storage: Storage, fanout: Fanout, logger: Logger): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const parts = { storage: storage.kind, ...(fanout.kind === 'local' ? {} : { fanout: fanout.kind, fanoutConnected: fanout.connected }) };
    try {
      await storage.ping();
      res.json({ status: fanout.connected ? 'ok' : 'degraded', ...parts });
    } catch (err) {
      logger.warn({ err }, 'health check: storage unreachable');
      res.status(503).json({ status: 'unavailable', ...parts });
    }
  });
  return router;
}
