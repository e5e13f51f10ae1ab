import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startChildServer } from './childServer.ts';
import type { ChildServer } from './childServer.ts';
import { connectClient, eventually, redeem, waitForSync, webSocketWithCookie } from './harness.ts';
import type { Client } from './harness.ts';
import { createTestDatabase } from './postgres.ts';
import { redisProxy } from './redisProxy.ts';
import { WebsocketProvider } from 'y-websocket';

/**
 * Several server processes on one PostgreSQL database, sharing documents through Redis: real child
 * processes, real sockets, real kill -9.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('several server processes on PostgreSQL and Redis', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const servers: ChildServer[] = [];
  const clients: Client[] = [];
  let cookie: string;
  let documentId: string;

  const start = async (env: Record<string, string> = {}) => {
    const s = await startChildServer({ DATABASE_URL: db.url, REDIS_URL, UNLOAD_DELAY_MS: '200', ...env });
    servers.push(s);
    return s;
  };
  const connect = (server: ChildServer) => {
    const c = connectClient(server.wsUrl, documentId, { cookie });
    clients.push(c);
    return c;
  };

  /** Creates a strategy through one process's API (any process sees it: the database is shared). */
  const createStrategy = async (server: ChildServer, title: string): Promise<string> => {
    const res = await fetch(`${server.httpUrl}/api/strategies`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { document: { id: string } }).document.id;
  };

  beforeAll(async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect().catch((err: unknown) => {
      throw new Error(`Redis is not reachable at ${REDIS_URL} (${(err as Error).message}); start it (see .ci/run)`);
    });
    await redis.quit();
    db = await createTestDatabase();
    const first = await start();
    cookie = (await redeem(first.httpUrl, first.facilitatorLink!, 'Fatima Facilitator')).cookie;
    documentId = await createStrategy(first, 'Dakar learning city strategy');
  }, 60_000);

  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await db?.drop();
  });

  it('clients connected to different processes converge, presence included', async () => {
    const [a] = servers;
    const b = await start();
    const onA = connect(a!);
    const onB = connect(b);
    await Promise.all([waitForSync(onA), waitForSync(onB)]);
    onA.text.insert(0, 'Vision: Dakar, ville apprenante. ');
    onB.text.insert(0, 'رؤية المدينة ');
    await eventually(() => {
      expect(onA.text.toString()).toBe(onB.text.toString());
      expect(onA.text.toString()).toContain('ville apprenante');
      expect(onA.text.toString()).toContain('رؤية');
    });
    onA.provider.awareness.setLocalStateField('user', { name: 'Awa', color: '#047857' });
    await eventually(() => expect(onB.provider.awareness.getStates().get(onA.doc.clientID)).toEqual({ user: { name: 'Awa', color: '#047857' } }));
  }, 60_000);

  it('two processes that both compact a document while it is edited on each lose nothing', async () => {
    const [p, q] = [await start({ COMPACT_AFTER_UPDATES: '10' }), await start({ COMPACT_AFTER_UPDATES: '10' })];
    const id = await createStrategy(p, 'Lisbon learning city strategy');
    const [onP, onQ] = [connectClient(p.wsUrl, id, { cookie }), connectClient(q.wsUrl, id, { cookie })];
    clients.push(onP, onQ);
    await Promise.all([waitForSync(onP), waitForSync(onQ)]);
    const compactions = (server: ChildServer) =>
      server
        .log()
        .split('\n')
        .filter((line) => line.includes('"document compacted"') && line.includes(id))
        .map((line) => (JSON.parse(line) as { from: string }).from);
    let typed = 0;
    const typing = setInterval(() => {
      onP.text.insert(onP.text.length, ` p${typed}`);
      onQ.text.insert(0, `q${typed} `);
      typed += 1;
    }, 10);
    // Typing goes on until each process has compacted several times. Which of the two compacts
    // first after each threshold is a race (the winner's snapshot resets the other's count), so on a
    // busy machine one of them can take most turns for a while: wait for the counts, not a time.
    try {
      await eventually(() => {
        for (const server of [p, q]) expect(compactions(server).length).toBeGreaterThan(3);
      }, 30_000);
    } finally {
      clearInterval(typing);
    }
    await eventually(() => expect(onP.text.toString()).toBe(onQ.text.toString()));
    const expected = onP.text.toString();
    expect(expected).toContain(` p${typed - 1}`);
    // Each process compacted many times, each time from its loaded copy: each hears what the other
    // compacted (which snapshot, which rows), and its copy holds those rows (published with their
    // numbers), so it goes on from the other's snapshot rather than merging what is stored.
    expect(new Set([...compactions(p), ...compactions(q)])).toEqual(new Set(['memory']));
    // What PostgreSQL holds is the whole document: a process that has never seen it loads it all.
    const r = await start();
    const fresh = connectClient(r.wsUrl, id, { cookie });
    clients.push(fresh);
    await waitForSync(fresh);
    await eventually(() => expect(fresh.text.toString()).toBe(expected));
  }, 60_000);

  it('a process that joins a document mid-edit misses nothing, and sees who is there at once', async () => {
    const [, b] = servers;
    const c = await start();
    // A new document that only one process holds: it publishes nothing while it is alone.
    const id = await createStrategy(b!, 'Kigali learning city strategy');
    const writer = connectClient(b!.wsUrl, id, { cookie });
    clients.push(writer);
    await waitForSync(writer);
    writer.provider.awareness.setLocalStateField('user', { name: 'Jean', color: '#1d4ed8' });
    // The writer keeps typing while someone opens the document on another process.
    let typed = 0;
    const typing = setInterval(() => writer.text.insert(writer.text.length, ` w${typed++}`), 5);
    await new Promise((r) => setTimeout(r, 300));
    const reader = connectClient(c.wsUrl, id, { cookie });
    clients.push(reader);
    await waitForSync(reader);
    // Presence is renewed only every 15 s: seeing it now means the writer's process sent it on arrival.
    await eventually(() => expect(reader.provider.awareness.getStates().get(writer.doc.clientID)).toEqual({ user: { name: 'Jean', color: '#1d4ed8' } }), 5_000);
    await new Promise((r) => setTimeout(r, 500));
    clearInterval(typing);
    await eventually(() => expect(reader.text.toString()).toBe(writer.text.toString()));
    expect(typed).toBeGreaterThan(50);
    expect(reader.text.toString()).toContain(` w${typed - 1}`);
    // And the other way round.
    reader.text.insert(0, 'Umujyi wiga. ');
    await eventually(() => expect(writer.text.toString()).toBe(reader.text.toString()));
  }, 60_000);

  it('when a process loses its append connection (as if PostgreSQL crashed), its documents reload and clients resend what storage may lack', async () => {
    const [, b] = servers;
    const id = await createStrategy(b!, 'Accra learning city strategy');
    const writer = connectClient(b!.wsUrl, id, { cookie });
    clients.push(writer);
    const closes: number[] = [];
    writer.provider.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0));
    await waitForSync(writer);
    writer.text.insert(0, 'Akwaaba. ');
    await new Promise((r) => setTimeout(r, 300));
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const cut = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'lcs-appends'");
    await admin.end();
    expect(cut.rowCount).toBeGreaterThan(0);
    // The document is dropped from memory (4500) and the client reconnects to a fresh copy.
    await eventually(() => expect(closes).toContain(4500));
    await waitForSync(writer);
    writer.text.insert(writer.text.length, 'Every learner counts.');
    const fresh = connectClient(b!.wsUrl, id, { cookie });
    clients.push(fresh);
    await waitForSync(fresh);
    await eventually(() => expect(fresh.text.toString()).toBe('Akwaaba. Every learner counts.'));
  }, 60_000);

  it('through a Redis outage each process keeps serving, documents still open, and all converge once it is back', async () => {
    // One process reaches Redis through a proxy that can be cut; the other directly.
    const proxy = await redisProxy(REDIS_URL);
    try {
      const cut = await start({ REDIS_URL: proxy.url });
      const other = await start();
      const [open, later] = [await createStrategy(other, 'Kigali strategy'), await createStrategy(other, 'Kigali action plan')];
      const join = (server: ChildServer, id: string) => {
        const c = connectClient(server.wsUrl, id, { cookie });
        clients.push(c);
        return c;
      };
      const onCut = join(cut, open);
      const onOther = join(other, open);
      const planOnOther = join(other, later);
      await Promise.all([waitForSync(onCut), waitForSync(onOther), waitForSync(planOnOther)]);
      onCut.text.insert(0, 'Vision. ');
      await eventually(() => expect(onOther.text.toString()).toBe('Vision. '));

      const health = async (server: ChildServer) => {
        const res = await fetch(`${server.httpUrl}/healthz`);
        return { code: res.status, body: await res.json() };
      };
      expect(await health(cut)).toEqual({ code: 200, body: { status: 'ok', storage: 'postgres', fanout: 'redis', fanoutConnected: true } });
      await proxy.down();
      // Still serving and storing, so still 200, but its clients are cut off from the other process's.
      await eventually(() => expect(health(cut)).resolves.toEqual({ code: 200, body: { status: 'degraded', storage: 'postgres', fanout: 'redis', fanoutConnected: false } }));
      onCut.text.insert(onCut.text.length, 'Goals (cut side). ');
      onOther.text.insert(0, 'Situation (other side). ');
      planOnOther.text.insert(0, 'Actions (other side). ');
      // A document first opened on the cut process during the outage loads from PostgreSQL,
      // without waiting for Redis, edits made on the other process meanwhile included.
      const planOnCut = join(cut, later);
      await waitForSync(planOnCut);
      await eventually(() => expect(planOnCut.text.toString()).toBe('Actions (other side). '));
      planOnCut.text.insert(planOnCut.text.length, 'Budget (cut side). ');
      onCut.provider.awareness.setLocalStateField('user', { name: 'Jean-Claude', color: '#b45309' });
      // Each process still relays to its own clients.
      const secondOnCut = join(cut, open);
      await waitForSync(secondOnCut);
      await eventually(() => expect(secondOnCut.text.toString()).toContain('Goals (cut side). '));

      await proxy.up();
      await eventually(() => expect(health(cut)).resolves.toMatchObject({ code: 200, body: { status: 'ok', fanoutConnected: true } }), 10_000);
      await eventually(() => {
        for (const [x, y] of [
          [onCut, onOther],
          [secondOnCut, onOther],
          [planOnCut, planOnOther],
        ] as const) {
          expect(x.text.toString()).toBe(y.text.toString());
        }
        expect(onOther.text.toString()).toContain('Goals (cut side). ');
        expect(onCut.text.toString()).toContain('Situation (other side). ');
        expect(planOnOther.text.toString()).toContain('Budget (cut side). ');
      }, 20_000);
      // Presence set during the outage reaches the other process's people once Redis is back.
      await eventually(() => expect(onOther.provider.awareness.getStates().get(onCut.doc.clientID)).toEqual({ user: { name: 'Jean-Claude', color: '#b45309' } }));
      // And the fan-out works again both ways.
      onOther.text.insert(0, 'Monitoring. ');
      await eventually(() => expect(onCut.text.toString()).toContain('Monitoring. '));
    } finally {
      await proxy.down();
    }
  }, 60_000);

  it('loses nothing when a process is killed mid-edit: its clients resync through another process', async () => {
    const [a, b] = servers;
    const writer = connect(a!);
    const reader = connect(b!);
    await Promise.all([waitForSync(writer), waitForSync(reader)]);
    for (let i = 0; i < 50; i++) writer.text.insert(writer.text.length, ` a${i}`);
    // Half of the edits are seen on the other process, then the writer's process dies mid-stream.
    await eventually(() => expect(reader.text.toString()).toContain(' a49'));
    for (let i = 0; i < 20; i++) writer.text.insert(writer.text.length, ` k${i}`);
    await a!.stop('SIGKILL');
    // The writer keeps typing while its server is gone, then (as a load balancer would) reaches b.
    for (let i = 0; i < 10; i++) writer.text.insert(writer.text.length, ` o${i}`);
    writer.provider.destroy();
    const failover = new WebsocketProvider(b!.wsUrl, documentId, writer.doc, { WebSocketPolyfill: webSocketWithCookie(cookie), disableBc: true });
    await eventually(() => expect(reader.text.toString()).toBe(writer.text.toString()), 15_000);
    expect(reader.text.toString()).toContain(' k19');
    expect(reader.text.toString()).toContain(' o9');
    // A brand-new process loads the same state from PostgreSQL alone.
    const c = await start();
    const fresh = connect(c);
    await waitForSync(fresh);
    await eventually(() => expect(fresh.text.toString()).toBe(writer.text.toString()));
    failover.destroy();
  }, 60_000);
});
