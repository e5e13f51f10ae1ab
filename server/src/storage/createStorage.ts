import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { MemoryStorage } from './memoryStorage.ts';
import { PostgresStorage } from './postgresStorage.ts';
import { SqliteStorage } from './sqliteStorage.ts';
import type { Storage } from './storage.ts';

/** Opens the storage backend named by the configuration (running migrations where there are any). */
export async function openStorage(config: Pick<Config, 'STORAGE' | 'DATA_DIR' | 'DATABASE_URL'>, logger?: Logger): Promise<Storage> {
  switch (config.STORAGE) {
    case 'memory':
      return new MemoryStorage();
    case 'sqlite':
      return SqliteStorage.inDirectory(config.DATA_DIR, logger?.child({ category: 'storage' }));
    case 'postgres':
      return PostgresStorage.open(config.DATABASE_URL!, (err) => logger?.warn({ err, category: 'storage' }, 'an idle PostgreSQL connection was closed by the server; it will be replaced'));
  }
}
