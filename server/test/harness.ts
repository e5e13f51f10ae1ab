import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Role } from '@lcs/shared';
import { createApp } from '../src/app.ts';
import { ensureFirstFacilitator } from '../src/bootstrap.ts';
import type { App } from '../src/app.ts';
import { testConfig } from '../src/config.ts';
import type { Config } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import type { Logger } from '../src/logger.ts';
import { openStorage } from '../src/storage/createStorage.ts';
import type { Storage } from '../src/storage/storage.ts';

export interface RunningServer {
  app: App;
  port: number;
  httpUrl: string;
  wsUrl: string;
  /** Session cookie (`lcs_session=...`) of the first facilitator, created through the real invitation flow. */
  cookie: string;
  /** Creates a document (as the facilitator) through the HTTP API and returns its id. */
  createDocument(title?: string, teamId?: string | null): Promise<string>;
  /** JSON request to the API with a session cookie (the facilitator's unless given). */
  api(method: string, path: string, body?: unknown, cookie?: string): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Issues an invitation as the facilitator and redeems it; returns the new person's id and cookie. */
  join(role: Role, options?: { workshopId?: string | null; teamId?: string | null; name?: string }): Promise<{ personId: string; cookie: string }>;
  stop(): Promise<void>;
}

/** Cookies of the facilitator of each running test server, keyed by its ws URL (see connectClient). */
const defaultCookies = new Map<string, string>();

/** Redeems an invitation link's token and returns the session cookie it sets. */
export async function redeem(httpUrl: string, invitationUrl: string, displayName: string): Promise<{ personId: string; cookie: string }> {
  const token = invitationUrl.split('/join/')[1];
  const res = await fetch(`${httpUrl}/api/invitations/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, displayName }) });
  if (res.status !== 201) throw new Error(`redeem failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { personId: ((await res.json()) as { person: { id: string } }).person.id, cookie };
}

/**
 * Starts the real app on port 0 (in-memory storage unless told otherwise) with a signed-in facilitator.
 * Pass a `logger` (see logCapture.ts) to inspect what the server logs.
 */
export async function startServer(overrides: Partial<Config> = {}, storage?: Storage, logger?: Logger): Promise<RunningServer> {
  const config = testConfig(overrides);
  logger ??= createLogger(config.LOG_LEVEL);
  const app = createApp({ config, logger, storage: storage ?? (await openStorage(config)) });
  const port = await app.listen();
  const httpUrl = `http://127.0.0.1:${port}`;
  const wsUrl = `ws://127.0.0.1:${port}/collab`;
  const link = await ensureFirstFacilitator(app.storage, { PUBLIC_URL: httpUrl }, logger);
  const cookie = link ? (await redeem(httpUrl, link, 'Fatima Facilitator')).cookie : '';
  defaultCookies.set(wsUrl, cookie);
  const api: RunningServer['api'] = async (method, path, body, asCookie = cookie) => {
    const res = await fetch(`${httpUrl}${path}`, {
      method,
      headers: { cookie: asCookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    app,
    port,
    httpUrl,
    wsUrl,
    cookie,
    api,
    async createDocument(title = 'Test strategy', teamId = null) {
      const res = await api('POST', '/api/strategies', { title, teamId });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.document.id as string;
    },
    async join(role, options = {}) {
      const res = await api('POST', '/api/invitations', { role, workshopId: options.workshopId ?? null, teamId: options.teamId ?? null });
      if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
      return redeem(httpUrl, res.body.invitation.url, options.name ?? `${role} person`);
    },
    stop: async () => {
      defaultCookies.delete(wsUrl);
      await app.close();
    },
  };
}

/** A `ws` WebSocket class that sends a session cookie, as a browser would on the upgrade. */
export function webSocketWithCookie(cookie: string): typeof globalThis.WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  } as unknown as typeof globalThis.WebSocket;
}

/**
 * A stock y-websocket provider in Node, as a browser would use it. It signs in with `cookie`, or as
 * the facilitator of the test server behind `wsUrl`.
 */
export function connectClient(wsUrl: string, documentId: string, options: { connect?: boolean; cookie?: string } = {}) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: webSocketWithCookie(options.cookie ?? defaultCookies.get(wsUrl) ?? ''),
    connect: options.connect ?? true,
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    text: doc.getText('t'),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
export type Client = ReturnType<typeof connectClient>;

export { eventually } from './waiting.ts';

export function waitForSync(client: Client, timeoutMs = 10_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider did not sync')), timeoutMs);
    client.provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function tempDir(prefix = 'lcs-test-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
