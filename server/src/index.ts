import { createApp } from './app.ts';
import { ensureFirstFacilitator } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { RedisFanout } from './collab/fanout/redisFanout.ts';
import { openStorage } from './storage/createStorage.ts';

/** Boots the server: parse config, listen, and flush everything on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const storage = await openStorage(config, logger);
  const fanout = config.REDIS_URL ? new RedisFanout(config.REDIS_URL, logger.child({ category: 'fanout' })) : undefined;
  const app = createApp({ config, logger, storage, ...(fanout ? { fanout } : {}) });
  const port = await app.listen();
  const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  logger.info({ category: 'boot', port, storage: app.storage.kind, dataDir: config.DATA_DIR }, `listening on http://${shown}:${port}`);
  const firstLink = await ensureFirstFacilitator(app.storage, config, logger);
  // The log is JSON for machines; a newcomer running `pnpm start` needs this one line in plain words.
  if (firstLink) process.stderr.write(`\n  Learning City Studio is running. To sign in as the first facilitator, open:\n  ${firstLink}\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ category: 'boot', signal }, 'shutting down: storing documents');
    app.close().then(
      () => {
        logger.info({ category: 'boot' }, 'stopped cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err, category: 'boot' }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
