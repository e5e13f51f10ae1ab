import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createApp } from '../src/app.ts';
import type { App } from '../src/app.ts';
import { testConfig } from '../src/config.ts';
import type { Config } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import type { Storage } from '../src/storage/storage.ts';

export interface RunningServer {
  app: App;
  port: number;
  httpUrl: string;
  wsUrl: string;
  /** Creates a document through the HTTP API and returns its id. */
  createDocument(title?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the real app on port 0 (in-memory storage unless told otherwise). */
export async function startServer(overrides: Partial<Config> = {}, storage?: Storage): Promise<RunningServer> {
  const config = testConfig(overrides);
  const app = createApp({ config, logger: createLogger(config.LOG_LEVEL), ...(storage ? { storage } : {}) });
  const port = await app.listen();
  const httpUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    port,
    httpUrl,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    async createDocument(title = 'Test strategy') {
      const res = await fetch(`${httpUrl}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { document: { id: string } }).document.id;
    },
    stop: () => app.close(),
  };
}

/** A stock y-websocket provider in Node, as a browser would use it. */
export function connectClient(wsUrl: string, documentId: string, options: { connect?: boolean } = {}) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
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

/** Polls until `check` passes or the time runs out, then throws with the last failure. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

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
