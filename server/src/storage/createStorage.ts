import type { Config } from '../config.ts';
import { MemoryStorage } from './memoryStorage.ts';
import { SqliteStorage } from './sqliteStorage.ts';
import type { Storage } from './storage.ts';

/** Picks the storage backend named by the configuration. */
export function createStorage(config: Pick<Config, 'STORAGE' | 'DATA_DIR'>): Storage {
  switch (config.STORAGE) {
    case 'memory':
      return new MemoryStorage();
    case 'sqlite':
      return SqliteStorage.inDirectory(config.DATA_DIR);
  }
}
