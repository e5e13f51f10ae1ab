/** Fixtures of the SharedDocument tests (`src/collab/SharedDocument*.test.ts`). */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '@lcs/shared';
import { createLogger } from '../src/logger.ts';
import { MemoryStorage } from '../src/storage/memoryStorage.ts';
import type { StoredState } from '../src/storage/storage.ts';
import type { CloseError } from '../src/collab/CloseError.ts';
import type { Connection } from '../src/collab/Connection.ts';
import { encodeCompacted } from '../src/collab/fanout/compactedMessage.ts';
import { LocalFanout } from '../src/collab/fanout/fanout.ts';
import type { Fanout, FanoutMessage, FanoutSubscriber } from '../src/collab/fanout/fanout.ts';
import { SharedDocument, type SharedDocumentOptions } from '../src/collab/SharedDocument.ts';
import { deferred } from './waiting.ts';

export const logger = createLogger('silent');

/** Memory storage whose loadState waits for the test to open the gate, and which records appends. */
export class GatedStorage extends MemoryStorage {
  readonly gate = deferred();
  readonly appended: Uint8Array[] = [];
  constructor(private readonly events: string[]) {
    super();
  }
  override async loadState(id: string): Promise<StoredState> {
    await this.gate.promise;
    const state = await super.loadState(id);
    this.events.push('loaded');
    return state;
  }
  override async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    const seq = await super.appendUpdate(id, update);
    this.appended.push(update);
    return seq;
  }
}

/** Memory storage whose appends complete only when the test releases them, oldest first. */
export class HeldAppends extends MemoryStorage {
  readonly held: { id: string; update: Uint8Array; done: ReturnType<typeof deferred<number>> }[] = [];
  override appendUpdate(id: string, update: Uint8Array): Promise<number> {
    const done = deferred<number>();
    this.held.push({ id, update, done });
    return done.promise;
  }
  /** Stores the oldest `count` held appends (all by default), in order. */
  release(count = this.held.length): void {
    for (const { id, update, done } of this.held.splice(0, count)) {
      void super.appendUpdate(id, update).then(done.resolve, done.reject);
    }
  }
}

/** Memory storage whose compactions (of either kind) wait for the test to open the gate, and which counts them. */
export class HeldCompaction extends MemoryStorage {
  readonly gate = deferred();
  compactions = 0;
  override async compact(id: string) {
    this.compactions += 1;
    await this.gate.promise;
    return super.compact(id);
  }
  override async replaceSnapshot(...args: Parameters<MemoryStorage['replaceSnapshot']>) {
    this.compactions += 1;
    await this.gate.promise;
    return super.replaceSnapshot(...args);
  }
}

/** Memory storage that records how each compaction was done: by merging what is stored, or from a copy in memory. */
export class RecordedCompactions extends MemoryStorage {
  merges = 0;
  readonly replacements: { base: number | null; seqs: number[]; replaced: boolean }[] = [];
  override async compact(id: string) {
    this.merges += 1;
    return super.compact(id);
  }
  override async replaceSnapshot(id: string, state: Uint8Array, base: number | null, seqs: readonly number[]) {
    const result = await super.replaceSnapshot(id, state, base, seqs);
    this.replacements.push({ base, seqs: [...seqs], replaced: result.replaced });
    return result;
  }
}

/** Memory storage that says, as SQLite does, that a deleted row's number may be given to a new row. */
export class ReusedRowNumbers extends RecordedCompactions {
  override readonly reusesRowNumbers = true;
}

/** Waits until the document has handled its queue and sent everything that waited for storage. */
export async function settle(doc: SharedDocument): Promise<void> {
  await doc.queue.idle();
  await doc.flushed();
  await new Promise((r) => setTimeout(r, 0));
}

/**
 * A stand-in for the socket-backed Connection: the unit here is SharedDocument, so a plain object
 * that records what is sent and how it was closed is enough (the socket layer has integration tests).
 */
export function fakeConnection(userId: string, events: string[] = []) {
  const fake = {
    closed: false,
    closedWith: undefined as CloseError | undefined,
    sent: [] as Uint8Array[],
    alive: true,
    documentId: 'doc',
    context: { userId, access: 'edit' as const, readOnly: false },
    awarenessIds: new Set<number>(),
    send(message: Uint8Array) {
      events.push(`send:${userId}`);
      fake.sent.push(message);
    },
    close(error: CloseError) {
      if (fake.closed) return;
      fake.closed = true;
      fake.closedWith = error;
    },
  };
  return { fake, conn: fake as unknown as Connection };
}

/** Names a frame the server sent: sync step 1 / step 2 / update, or awareness; plus its payload. */
export function describeFrame(frame: Uint8Array): { kind: string; payload: Uint8Array } {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type !== MessageType.sync) return { kind: `type${type}`, payload: decoding.readTailAsUint8Array(decoder) };
  const syncType = decoding.readVarUint(decoder);
  const kind = { [syncProtocol.messageYjsSyncStep1]: 'step1', [syncProtocol.messageYjsSyncStep2]: 'step2', [syncProtocol.messageYjsUpdate]: 'update' }[syncType] ?? `sync${syncType}`;
  return { kind, payload: decoding.readVarUint8Array(decoder) };
}

export function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
export const updateFrame = (update: Uint8Array) => syncFrame(syncProtocol.messageYjsUpdate, update);

export function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A client editing the text 't', handing out each change as an update. */
export function editor(clientID: number, base?: Uint8Array) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  if (base) Y.applyUpdate(doc, base);
  /** Makes `edit` to the text and returns the update it produced. */
  const change = (edit: (text: Y.Text) => void): Uint8Array => {
    let update: Uint8Array | undefined;
    const capture = (u: Uint8Array) => (update = u);
    doc.on('update', capture);
    edit(doc.getText('t'));
    doc.off('update', capture);
    return update!;
  };
  return { doc, change, append: (text: string) => change((t) => t.insert(t.length, text)) };
}

/**
 * Another process, whose copy holds `parts`, replaces the snapshot stamped `base` and the rows
 * `seqs` with it and says so on `fanout`. Returns the new snapshot's stamp.
 */
export async function compactedElsewhere(storage: MemoryStorage, fanout: ScriptedFanout, parts: Uint8Array[], base: number | null, seqs: number[]): Promise<number> {
  const copy = new Y.Doc();
  for (const part of parts) Y.applyUpdate(copy, part);
  const written = await storage.replaceSnapshot('doc', Y.encodeStateAsUpdate(copy), base, seqs);
  if (!written.replaced) throw new Error('the other process could not compact');
  fanout.deliver('doc', { kind: 'compacted', payload: encodeCompacted({ base, stamp: written.stamp, seqs }) });
  return written.stamp;
}

/** A fan-out whose test plays the other processes: it delivers what they published and records what this one publishes. */
export class ScriptedFanout implements Fanout {
  readonly kind = 'redis';
  readonly connected = true;
  readonly subscribers = new Map<string, FanoutSubscriber>();
  readonly published: FanoutMessage[] = [];

  async subscribe(documentId: string, subscriber: FanoutSubscriber): Promise<void> {
    this.subscribers.set(documentId, subscriber);
  }

  publish(_documentId: string, message: FanoutMessage): void {
    this.published.push(message);
  }

  async unsubscribe(documentId: string): Promise<void> {
    this.subscribers.delete(documentId);
  }

  async close(): Promise<void> {}

  deliver(documentId: string, message: FanoutMessage): void {
    this.subscribers.get(documentId)!.message(message);
  }
}

/** Processes sharing documents: what one member publishes reaches the others' subscribers, in order. */
export class FanoutHub {
  readonly #members: Map<string, FanoutSubscriber>[] = [];

  member(): Fanout {
    const subscribers = new Map<string, FanoutSubscriber>();
    this.#members.push(subscribers);
    return {
      kind: 'redis',
      connected: true,
      subscribe: async (documentId, subscriber) => void subscribers.set(documentId, subscriber),
      unsubscribe: async (documentId) => void subscribers.delete(documentId),
      publish: (documentId, message) => {
        for (const other of this.#members) if (other !== subscribers) other.get(documentId)?.message(message);
      },
      close: async () => {},
    };
  }
}

/** The text a client would hold after applying every update frame `sent` to it from `from` on. */
export function textReceived(sent: Uint8Array[], from = 0): string {
  const replica = new Y.Doc();
  for (const f of sent.slice(from).map(describeFrame)) if (f.kind === 'update') Y.applyUpdate(replica, f.payload);
  return replica.getText('t').toString();
}

export const textOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
};


/**
 * Documents for one `describe`: `open` makes one on a storage, `loadedWithTwo` one loaded with A
 * and B connected and greeted; every one made is destroyed (and its storage closed) after each test,
 * and so is whatever else a test hands to `cleanup`.
 */
export function useDocuments() {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0)) await fn();
  });

  /** A loaded document titled `title` on `storage`, with A and B connected and greeted. */
  async function loadedWithTwo<S extends MemoryStorage>(title: string, storage: S, options: Partial<SharedDocumentOptions> = {}) {
    await storage.createDocument({ id: 'doc', title });
    const doc = open(storage, options);
    await doc.queue.run(() => doc.load());
    const a = fakeConnection('a');
    const b = fakeConnection('b');
    doc.addConnection(a.conn);
    doc.addConnection(b.conn);
    await settle(doc);
    return { storage, doc, a, b, greeted: b.fake.sent.length };
  }

  function open(storage: MemoryStorage, options: Partial<SharedDocumentOptions> = {}) {
    const doc = new SharedDocument('doc', { storage, fanout: new LocalFanout(), logger, hooks: [], compactAfterUpdates: 100, ...options });
    cleanup.push(() => doc.destroy(), () => storage.close());
    return doc;
  }
  return { open, loadedWithTwo, cleanup };
}
