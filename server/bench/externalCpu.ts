import { Redis } from 'ioredis';
import pg from 'pg';
import { adminUrl } from '../test/postgres.ts';
import { cpuSeconds } from './procStats.ts';

/** The Redis the Postgres+Redis mode uses: the machine's own, as in the scale-out tests. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface ExternalCpuMeter {
  stop(): Promise<{ postgres: number; redis: number }>;
}

/**
 * CPU of the Postgres backends serving one database (pids sampled from pg_stat_activity, since the
 * pool opens and closes them) and of the Redis server (all of it: Redis reports only its total).
 */
export function meterExternalCpu(database: string): ExternalCpuMeter {
  const admin = new pg.Client({ connectionString: adminUrl });
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let redisStart = 0;
  const redisCpu = async () => {
    const info = await redis.info('cpu');
    const value = (key: string) => Number(new RegExp(`^${key}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
    return value('used_cpu_user') + value('used_cpu_sys');
  };
  const sample = async () => {
    const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
    for (const { pid } of rows) {
      const cpu = cpuSeconds(pid);
      if (!first.has(pid)) first.set(pid, started ? 0 : cpu);
      last.set(pid, cpu);
    }
  };
  let started = false;
  const ready = (async () => {
    await admin.connect();
    await redis.connect();
    redisStart = await redisCpu();
    await sample();
    started = true;
  })();
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = ready.then(sample).catch(() => undefined);
  }, 250);
  return {
    async stop() {
      clearInterval(timer);
      await ready;
      await sampling;
      await sample();
      let postgres = 0;
      for (const [pid, end] of last) postgres += end - (first.get(pid) ?? 0);
      const redisTotal = (await redisCpu()) - redisStart;
      await admin.end();
      redis.disconnect();
      return { postgres, redis: redisTotal };
    },
  };
}
