import http from 'node:http';
import express from 'express';
import helmet from 'helmet';
import type { Config } from './config.ts';
import { CollabServer } from './collab/collabServer.ts';
import { authenticate } from './auth/authenticate.ts';
import { originCheck } from './auth/originCheck.ts';
import { documentExists } from './collab/hooks/documentExists.ts';
import { sessionAccess } from './collab/hooks/sessionAccess.ts';
import { touchOnChange } from './collab/hooks/touchOnChange.ts';
import type { CollabHook } from './collab/hooks/types.ts';
import type { Fanout } from './collab/fanout/fanout.ts';
import { LocalFanout } from './collab/fanout/fanout.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { clientRouter } from './http/clientRouter.ts';
import { exportsRouter } from './http/exportsRouter.ts';
import { healthRouter } from './http/healthRouter.ts';
import { invitationsRouter } from './http/invitationsRouter.ts';
import { peopleRouter } from './http/peopleRouter.ts';
import { strategiesRouter } from './http/strategiesRouter.ts';
import { templatesRouter } from './http/templatesRouter.ts';
import { threadsRouter } from './http/threadsRouter.ts';
import { workshopsRouter } from './http/workshopsRouter.ts';
import type { Logger } from './logger.ts';
import type { Storage } from './storage/storage.ts';
import { ExportJobs } from './strategy/exportJobs.ts';

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** The opened storage (see `openStorage`); the app closes it on `close()`. */
  storage: Storage;
  /** Cross-process delivery (Redis) when several processes serve the same documents. Default: none. */
  fanout?: Fanout;
}

export interface App {
  server: http.Server;
  storage: Storage;
  collab: CollabServer;
  /** Starts listening; resolves with the bound port (useful with PORT=0). */
  listen(): Promise<number>;
  /** Closes sockets with 1001, stores and unloads every document, closes storage. */
  close(): Promise<void>;
}

/** Builds the HTTP + WebSocket server without listening, so tests can start it on port 0. */
export function createApp({ config, logger, storage, fanout = new LocalFanout() }: AppOptions): App {
  const allowedOrigins = [new URL(config.PUBLIC_URL).origin, ...config.ALLOWED_ORIGINS];
  const hooks: CollabHook[] = [documentExists, sessionAccess({ allowedOrigins }), touchOnChange()];
  const collab = new CollabServer({
    storage,
    fanout,
    logger,
    hooks,
    maxMessageBytes: config.MAX_MESSAGE_BYTES,
    unloadDelayMs: config.UNLOAD_DELAY_MS,
    compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
  });

  const app = express();
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  app.use(
    helmet({
      // Tiptap and the caret labels set inline styles; scripts stay 'self' only.
      contentSecurityPolicy: { directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'connect-src': ["'self'", 'ws:', 'wss:'] } },
    }),
  );
  app.use(healthRouter(storage, fanout, logger));
  app.use('/api', originCheck(allowedOrigins), express.json({ limit: '1mb' }), authenticate(storage.directory));
  app.use('/api/invitations', invitationsRouter({ directory: storage.directory, publicUrl: config.PUBLIC_URL, redeemLimit: config.REDEEM_RATE_LIMIT }));
  app.use('/api/workshops', workshopsRouter(storage));
  app.use('/api/templates', templatesRouter(storage));
  app.use('/api/strategies/:id/threads', threadsRouter(storage, collab.registry));
  app.use('/api/strategies', strategiesRouter(storage));
  app.use('/api', exportsRouter(storage, collab.registry, new ExportJobs(logger.child({ category: 'export' }))));
  app.use('/api', peopleRouter({ directory: storage.directory, accessChanged: (personId) => void collab.revalidate(personId) }));
  app.use('/api', notFoundHandler);
  app.use(clientRouter(config.CLIENT_DIST));
  app.use(notFoundHandler);
  app.use(errorHandler(logger.child({ category: 'http' })));

  const server = http.createServer(app);
  server.on('upgrade', (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });

  return {
    server,
    storage,
    collab,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : config.PORT);
        });
      }),
    close: async () => {
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fanout.close();
      await storage.close();
    },
  };
}
