import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '@lcs/shared';
import { createLogger } from '../logger.ts';
import { MemoryStorage } from '../storage/memoryStorage.ts';
import type { StoredState } from '../storage/storage.ts';
import type { CloseError } from './CloseError.ts';
import type { Connection } from './Connection.ts';
import { decodeCompacted, encodeCompacted } from './fanout/compactedMessage.ts';
import { LocalFanout } from './fanout/fanout.ts';
import type { Fanout, FanoutMessage, FanoutSubscriber } from './fanout/fanout.ts';
import { SerialQueue } from './SerialQueue.ts';
import { SharedDocument, type SharedDocumentOptions } from './SharedDocument.ts';
import { deferred } from '../../test/waiting.ts';

const logger = createLogger('silent');

/** Memory storage whose loadState waits for the test to open the gate, and which records appends. */
class GatedStorage extends MemoryStorage {
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
class HeldAppends extends MemoryStorage {
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
class HeldCompaction extends MemoryStorage {
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
class RecordedCompactions extends MemoryStorage {
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
class ReusedRowNumbers extends RecordedCompactions {
  override readonly reusesRowNumbers = true;
}

/** Waits until the document has handled its queue and sent everything that waited for storage. */
async function settle(doc: SharedDocument): Promise<void> {
  await doc.queue.idle();
  await doc.flushed();
  await new Promise((r) => setTimeout(r, 0));
}

/**
 * A stand-in for the socket-backed Connection: the unit here is SharedDocument, so a plain object
 * that records what is sent and how it was closed is enough (the socket layer has integration tests).
 */
function fakeConnection(userId: string, events: string[] = []) {
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
function describeFrame(frame: Uint8Array): { kind: string; payload: Uint8Array } {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type !== MessageType.sync) return { kind: `type${type}`, payload: decoding.readTailAsUint8Array(decoder) };
  const syncType = decoding.readVarUint(decoder);
  const kind = { [syncProtocol.messageYjsSyncStep1]: 'step1', [syncProtocol.messageYjsSyncStep2]: 'step2', [syncProtocol.messageYjsUpdate]: 'update' }[syncType] ?? `sync${syncType}`;
  return { kind, payload: decoding.readVarUint8Array(decoder) };
}

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
const updateFrame = (update: Uint8Array) => syncFrame(syncProtocol.messageYjsUpdate, update);

function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A client editing the text 't', handing out each change as an update. */
function editor(clientID: number, base?: Uint8Array) {
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
async function compactedElsewhere(storage: MemoryStorage, fanout: ScriptedFanout, parts: Uint8Array[], base: number | null, seqs: number[]): Promise<number> {
  const copy = new Y.Doc();
  for (const part of parts) Y.applyUpdate(copy, part);
  const written = await storage.replaceSnapshot('doc', Y.encodeStateAsUpdate(copy), base, seqs);
  if (!written.replaced) throw new Error('the other process could not compact');
  fanout.deliver('doc', { kind: 'compacted', payload: encodeCompacted({ base, stamp: written.stamp, seqs }) });
  return written.stamp;
}

/** A fan-out whose test plays the other processes: it delivers what they published and records what this one publishes. */
class ScriptedFanout implements Fanout {
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
class FanoutHub {
  readonly #members: Map<string, FanoutSubscriber>[] = [];

  member(): Fanout {
    const subscribers = new Map<string, FanoutSubscriber>();
    this.#members.push(subscribers);
    return {
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
function textReceived(sent: Uint8Array[], from = 0): string {
  const replica = new Y.Doc();
  for (const f of sent.slice(from).map(describeFrame)) if (f.kind === 'update') Y.applyUpdate(replica, f.payload);
  return replica.getText('t').toString();
}

const textOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
};

describe('SharedDocument', () => {
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

  it('queues messages that arrive before the stored state is loaded, sends nothing until then, and applies them after the load in order', async () => {
    const events: string[] = [];
    const storage = new GatedStorage(events);
    await storage.createDocument({ id: 'doc', title: 'Nairobi' });
    const stored = editor(1).append('stored. ');
    await storage.appendUpdate('doc', stored);
    storage.appended.length = 0;

    const doc = open(storage);
    const loading = doc.queue.run(() => doc.load());
    const a = fakeConnection('a', events);
    const b = fakeConnection('b', events);
    doc.addConnection(a.conn);
    doc.addConnection(b.conn);
    // A's edits build on the stored text; the second depends on the first.
    const writer = editor(2, stored);
    const one = writer.append('one. ');
    const two = writer.append('two.');
    doc.receive(a.conn, updateFrame(one));
    doc.receive(a.conn, updateFrame(two));
    doc.receive(b.conn, syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())));

    await new Promise((r) => setTimeout(r, 20));
    expect(doc.state).toBe('loading');
    expect(a.fake.sent).toEqual([]);
    expect(b.fake.sent).toEqual([]);
    expect(storage.appended).toEqual([]);
    expect(doc.ydoc.getText('t').toString()).toBe('');

    storage.gate.resolve();
    await loading;
    await settle(doc);

    expect(events[0]).toBe('loaded');
    expect(storage.appended).toEqual([one, two]);
    expect(doc.ydoc.getText('t').toString()).toBe('stored. one. two.');
    expect(a.fake.closed).toBe(false);
    // A: only the greeting, whose state vector already covers the stored state.
    const greetingA = a.fake.sent.map(describeFrame);
    expect(greetingA.map((f) => f.kind)).toEqual(['step1']);
    expect(Y.decodeStateVector(greetingA[0]!.payload).get(1)).toBeGreaterThan(0);
    // B: greeting, A's two updates relayed in order, then the answer to its own step 1.
    const seenByB = b.fake.sent.map(describeFrame);
    expect(seenByB.map((f) => f.kind)).toEqual(['step1', 'update', 'update', 'step2']);
    expect(seenByB[1]!.payload).toEqual(one);
    expect(seenByB[2]!.payload).toEqual(two);
    expect(textOf(seenByB[3]!.payload)).toBe('stored. one. two.');
  });

  it('keeps relaying while a compaction runs, and counts what came meanwhile towards the next one', async () => {
    const storage = new HeldCompaction();
    // Each compaction is logged at info level: operators see it, and the benchmark counts it.
    const lines: string[] = [];
    const logged = pino({ level: 'info', base: undefined }, { write: (line: string) => lines.push(line) });
    const compactionsLogged = () => lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 30 && l.msg === 'document compacted').length;
    const { doc, a, b, greeted } = await loadedWithTwo('Lagos', storage, { compactAfterUpdates: 3, logger: logged });
    const writer = editor(2);
    // Not `settle`: that waits for the queue, which a compaction must not occupy.
    const stored = async () => {
      await doc.flushed();
      await new Promise((r) => setTimeout(r, 0));
    };
    for (const text of ['one ', 'two ', 'three ']) doc.receive(a.conn, updateFrame(writer.append(text)));
    await stored();
    expect(storage.compactions).toBe(1);

    // The compaction is still running: an edit made now is stored and relayed all the same.
    const four = writer.append('four');
    doc.receive(a.conn, updateFrame(four));
    await stored();
    expect(b.fake.sent).toHaveLength(greeted + 4);
    expect(describeFrame(b.fake.sent.at(-1)!).payload).toEqual(four);

    // A compaction asked for meanwhile (as before unloading) waits for the running one, then folds
    // in the update that came during it.
    const explicit = doc.compact();
    await new Promise((r) => setTimeout(r, 10));
    expect(storage.compactions).toBe(1);
    storage.gate.resolve();
    await explicit;
    expect(storage.compactions).toBe(2);
    expect(compactionsLogged()).toBe(2);
    const state = await storage.loadState('doc');
    expect(state.updates).toEqual([]);
    expect(textOf(state.snapshot!)).toBe('one two three four');
    // Nothing counted is left: another compaction finds nothing to do and asks storage for nothing.
    await doc.compact();
    expect(storage.compactions).toBe(2);
  });

  it("compacts a process's documents one at a time, so documents reaching the threshold together do not compact at once", async () => {
    const storage = new HeldCompaction();
    const compactions = new SerialQueue();
    const docs = ['Lagos', 'Accra'].map((city) => {
      const doc = new SharedDocument(city, { storage, fanout: new LocalFanout(), logger, hooks: [], compactAfterUpdates: 100, compactions });
      cleanup.push(() => doc.destroy());
      return doc;
    });
    cleanup.push(() => storage.close());
    for (const doc of docs) {
      await storage.createDocument({ id: doc.id, title: doc.id });
      await storage.appendUpdate(doc.id, editor(3).append(`${doc.id} strategy`));
      await doc.queue.run(() => doc.load());
    }
    const [lagos, accra] = docs.map((doc) => doc.compact());
    await new Promise((r) => setTimeout(r, 10));
    // Lagos's compaction is held: Accra's waits for it rather than running beside it.
    expect(storage.compactions).toBe(1);
    storage.gate.resolve();
    await Promise.all([lagos, accra]);
    expect(storage.compactions).toBe(2);
    for (const doc of docs) {
      const state = await storage.loadState(doc.id);
      expect(state.updates).toEqual([]);
      expect(textOf(state.snapshot!)).toBe(`${doc.id} strategy`);
    }
  });

  it('closes a sender whose message waited on a load that failed with 4500, and stores nothing', async () => {
    const storage = new GatedStorage([]);
    await storage.createDocument({ id: 'doc', title: 'Rabat' });
    const doc = open(storage);
    // As the registry does: a failed load marks the document failed.
    const loading = doc.queue.run(() => doc.load()).catch(() => {
      doc.state = 'failed';
    });
    const a = fakeConnection('a');
    doc.addConnection(a.conn);
    doc.receive(a.conn, updateFrame(editor(2).append('lost?')));
    storage.gate.reject(new Error('disk unplugged'));
    await loading;
    await doc.queue.idle();
    expect(a.fake.closedWith).toMatchObject({ code: CloseCode.storageError.code, reason: CloseCode.storageError.reason });
    expect(a.fake.sent).toEqual([]);
    expect(storage.appended).toEqual([]);
  });

  it('fails the document when an append fails: everyone is closed with 4500, nothing is relayed, and a reload plus resend loses nothing', async () => {
    const failed: SharedDocument[] = [];
    const { storage, doc, a, b } = await loadedWithTwo('Surabaya', new MemoryStorage(), { onFailed: (d) => failed.push(d) });
    const writerA = editor(2);
    doc.receive(a.conn, updateFrame(writerA.append('kept. ')));
    await settle(doc);
    const before = { state: await storage.loadState('doc'), sentToB: b.fake.sent.length };
    expect(textOf(Y.encodeStateAsUpdate(doc.ydoc))).toBe('kept. ');

    storage.failing.add('appendUpdate');
    doc.receive(a.conn, updateFrame(writerA.append('not stored.')));
    await settle(doc);

    for (const { fake } of [a, b]) expect(fake.closedWith).toMatchObject({ code: CloseCode.storageError.code, reason: CloseCode.storageError.reason });
    expect(doc.state).toBe('failed');
    expect(failed).toEqual([doc]);
    expect(b.fake.sent).toHaveLength(before.sentToB);
    storage.failing.delete('appendUpdate');
    expect(await storage.loadState('doc')).toEqual(before.state);

    // A reconnects to a copy loaded from storage and, as y-websocket does, answers its sync step 1
    // with everything the server lacks: the change that was not stored arrives again.
    const reloaded = open(storage);
    await reloaded.queue.run(() => reloaded.load());
    const again = fakeConnection('a');
    reloaded.addConnection(again.conn);
    await settle(reloaded);
    const step1 = describeFrame(again.fake.sent[0]!);
    expect(step1.kind).toBe('step1');
    reloaded.receive(again.conn, syncFrame(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(writerA.doc, step1.payload)));
    await settle(reloaded);
    expect(again.fake.closed).toBe(false);
    expect(reloaded.ydoc.getText('t').toString()).toBe('kept. not stored.');
    const stored = await storage.loadState('doc');
    expect(textOf(Y.mergeUpdates(stored.updates))).toBe('kept. not stored.');
  });

  it('sends nothing that reflects an update before that update is stored, and keeps every frame in order', async () => {
    const { storage, doc, a, b, greeted } = await loadedWithTwo('Medellín', new HeldAppends());

    const writer = editor(2);
    const edit = writer.append('draft vision');
    doc.receive(a.conn, updateFrame(edit));
    // A's caret moves with the edit; C joins and asks for everything.
    const presence = new awarenessProtocol.Awareness(writer.doc);
    presence.setLocalState({ user: { name: 'A' } });
    doc.receive(a.conn, awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(presence, [writer.doc.clientID])));
    const c = fakeConnection('c');
    doc.addConnection(c.conn);
    doc.receive(c.conn, syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())));
    await new Promise((r) => setTimeout(r, 20));

    // Applied in memory (so A's next edit can build on it), but nothing has left the server.
    expect(doc.ydoc.getText('t').toString()).toBe('draft vision');
    expect(storage.held).toHaveLength(1);
    expect(b.fake.sent).toHaveLength(greeted);
    expect(c.fake.sent).toEqual([]);

    storage.release();
    await settle(doc);
    expect(b.fake.sent.slice(greeted).map((f) => describeFrame(f).kind)).toEqual(['update', 'type1']);
    expect(describeFrame(b.fake.sent[greeted]!).payload).toEqual(edit);
    const seenByC = c.fake.sent.map(describeFrame);
    expect(seenByC.map((f) => f.kind)).toEqual(['step1', 'type1', 'step2']);
    expect(textOf(seenByC[2]!.payload)).toBe('draft vision');
    presence.destroy();
  });

  it('takes the next edits while an append is in flight and relays each, in order, once stored', async () => {
    const { storage, doc, a, b, greeted } = await loadedWithTwo('Wuhan', new HeldAppends());
    const writer = editor(2);
    const edits = ['one ', 'two ', 'three'].map((t) => writer.append(t));
    for (const edit of edits) doc.receive(a.conn, updateFrame(edit));
    await new Promise((r) => setTimeout(r, 10));
    // All three are checked and applied although none is stored: the second depends on the first.
    expect(a.fake.closed).toBe(false);
    expect(storage.held).toHaveLength(3);
    expect(doc.ydoc.getText('t').toString()).toBe('one two three');

    storage.release(1);
    await new Promise((r) => setTimeout(r, 10));
    expect(b.fake.sent.slice(greeted).map((f) => describeFrame(f).payload)).toEqual([edits[0]]);
    storage.release();
    await settle(doc);
    expect(b.fake.sent.slice(greeted).map((f) => describeFrame(f).payload)).toEqual(edits);
  });

  it('a join storm during live editing encodes the document once: newcomers get it plus the edits since', async () => {
    const storage = new MemoryStorage();
    await storage.createDocument({ id: 'doc', title: 'Kampala' });
    const doc = open(storage);
    await doc.queue.run(() => doc.load());
    const a = fakeConnection('a');
    doc.addConnection(a.conn);
    const writer = editor(2);
    doc.receive(a.conn, updateFrame(writer.append('The vision. ')));
    await settle(doc);
    const joinWith = async (name: string) => {
      const joiner = fakeConnection(name);
      doc.addConnection(joiner.conn);
      doc.receive(joiner.conn, syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())));
      await settle(doc);
      return joiner.fake.sent.map(describeFrame).filter((f) => f.kind !== 'step1');
    };
    expect((await joinWith('j1')).map((f) => f.kind)).toEqual(['step2']);
    for (const t of ['Goals. ', 'Actions. ', 'Funding.']) doc.receive(a.conn, updateFrame(writer.append(t)));
    await settle(doc);
    const second = await joinWith('j2');
    expect(second.map((f) => f.kind)).toEqual(['step2', 'update', 'update', 'update']);
    expect(doc.fullStateEncodes).toBe(1);
    const rebuilt = new Y.Doc();
    for (const f of second) Y.applyUpdate(rebuilt, f.payload);
    expect(rebuilt.getText('t').toString()).toBe('The vision. Goals. Actions. Funding.');
    expect(rebuilt.getText('t').toString()).toBe(doc.ydoc.getText('t').toString());
  });

  it('relays what the document integrated, not the frame, when an update completes content that was waiting for it', async () => {
    const { doc, a, b, greeted } = await loadedWithTwo('Amman', new MemoryStorage());
    const writer = editor(2);
    const first = writer.append('first ');
    const second = writer.append('second');
    // The second edit arrived first (a gap in delivery from another process): it waits for the first.
    Y.applyUpdate(doc.ydoc, second, 'remote');
    expect(doc.ydoc.store.pendingStructs).not.toBeNull();
    doc.receive(a.conn, updateFrame(first));
    await settle(doc);
    expect(doc.ydoc.getText('t').toString()).toBe('first second');
    expect(textReceived(b.fake.sent, greeted)).toBe('first second');
  });

  it('relays an update and a presence change from another process as they arrived, and publishes neither back', async () => {
    const fanout = new ScriptedFanout();
    const { doc, a, b } = await loadedWithTwo('Tunis', new MemoryStorage(), { fanout });
    const writer = editor(5);
    const update = writer.append('from process B');
    const presence = new awarenessProtocol.Awareness(new Y.Doc());
    presence.setLocalState({ user: { name: 'Leila' }, cursor: 3 });
    const payload = awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID]);
    const publishedBefore = fanout.published.length;
    const sentBefore = new Map([a, b].map((conn) => [conn, conn.fake.sent.length]));
    fanout.deliver('doc', { kind: 'update', payload: update });
    fanout.deliver('doc', { kind: 'awareness', payload });
    await settle(doc);
    expect(doc.ydoc.getText('t').toString()).toBe('from process B');
    expect(doc.awareness.getStates().get(presence.clientID)).toEqual({ user: { name: 'Leila' }, cursor: 3 });
    for (const conn of [a, b]) {
      expect(conn.fake.sent.slice(sentBefore.get(conn))).toEqual([updateFrame(update), awarenessFrame(payload)]);
    }
    expect(fanout.published.length).toBe(publishedBefore);
    presence.destroy();
  });

  it('relays what it integrated when an update from another process completes content that was waiting', async () => {
    const fanout = new ScriptedFanout();
    const { doc, b, greeted } = await loadedWithTwo('Sfax', new MemoryStorage(), { fanout });
    const writer = editor(6);
    const first = writer.append('first ');
    const second = writer.append('second');
    fanout.deliver('doc', { kind: 'update', payload: second });
    await settle(doc);
    expect(doc.ydoc.store.pendingStructs).not.toBeNull();
    fanout.deliver('doc', { kind: 'update', payload: first });
    await settle(doc);
    expect(doc.ydoc.getText('t').toString()).toBe('first second');
    expect(textReceived(b.fake.sent, greeted)).toBe('first second');
  });

  it('resyncs requested while one is waiting share it; a request after it has started gets its own', async () => {
    class CountingStorage extends MemoryStorage {
      loads = 0;
      override async loadState(id: string): Promise<StoredState> {
        this.loads += 1;
        return super.loadState(id);
      }
    }
    const { storage, doc, a } = await loadedWithTwo('Nairobi', new CountingStorage());
    const before = storage.loads;
    // Another process stored an edit this one has not heard of.
    const elsewhere = editor(9).append('from elsewhere');
    await storage.appendUpdate('doc', elsewhere);
    const first = doc.resync();
    expect([doc.resync(), doc.resync()]).toEqual([first, first]);
    await first;
    expect(storage.loads).toBe(before + 1);
    expect(doc.ydoc.getText('t').toString()).toBe('from elsewhere');
    await settle(doc);
    // What was new is relayed to the connections.
    expect(textReceived(a.fake.sent)).toBe('from elsewhere');
    await doc.resync();
    expect(storage.loads).toBe(before + 2);
  });

  describe('compaction from the copy in memory', () => {
    const textStored = (state: StoredState) => {
      const doc = new Y.Doc();
      for (const part of state.snapshot ? [state.snapshot, ...state.updates] : state.updates) Y.applyUpdate(doc, part);
      return doc.getText('t').toString();
    };

    it('stores the loaded document as the snapshot in place of exactly the rows it holds, reading and merging nothing', async () => {
      const storage = new RecordedCompactions();
      await storage.createDocument({ id: 'doc', title: 'Medellín' });
      const earlier = editor(2);
      const stored = [await storage.appendUpdate('doc', earlier.append('vision. '))];
      const doc = open(storage);
      await doc.queue.run(() => doc.load());
      const a = fakeConnection('a');
      doc.addConnection(a.conn);
      for (const text of ['goals. ', 'actions. ']) doc.receive(a.conn, updateFrame(earlier.append(text)));
      await settle(doc);
      // Another process appended a row this one never received: the copy does not hold it.
      const unseen = await storage.appendUpdate('doc', editor(7).append('elsewhere'));

      await doc.compact();
      expect(storage.merges).toBe(0);
      const rows = (await storage.loadState('doc')).seqs;
      expect(storage.replacements).toEqual([{ base: null, seqs: [stored[0], expect.any(Number), expect.any(Number)], replaced: true }]);
      expect(rows).toEqual([unseen]);
      const state = await storage.loadState('doc');
      expect(Array.from(state.snapshot!)).toEqual(Array.from(Y.encodeStateAsUpdate(doc.ydoc)));
      expect(textOf(state.snapshot!)).toBe('vision. goals. actions. ');
      expect(textStored(state)).toContain('elsewhere');

      // The next compaction names the new snapshot's stamp and only the rows appended since.
      doc.receive(a.conn, updateFrame(earlier.append('funding.')));
      await settle(doc);
      await doc.compact();
      expect(storage.replacements[1]).toMatchObject({ base: state.stamp, replaced: true });
      expect(storage.replacements[1]!.seqs).toHaveLength(1);
      expect(textOf((await storage.loadState('doc')).snapshot!)).toBe('vision. goals. actions. funding.');
    });

    it('waits for appends issued before it encoded the document, and leaves those issued after it in the log', async () => {
      const { storage, doc, a } = await loadedWithTwo('Kigali', new HeldAppends());
      const writer = editor(3);
      doc.receive(a.conn, updateFrame(writer.append('stored ')));
      storage.release();
      await settle(doc);
      doc.receive(a.conn, updateFrame(writer.append('before ')));
      const compaction = doc.compact();
      await new Promise((r) => setTimeout(r, 0));
      // Encoded with "before", whose append is still in flight; "after" comes once it has encoded.
      doc.receive(a.conn, updateFrame(writer.append('after')));
      expect(storage.held).toHaveLength(2);
      // Both are stored before the compaction goes on: only the one it encoded is replaced.
      storage.release();
      await compaction;
      await settle(doc);
      const state = await storage.loadState('doc');
      expect(textOf(state.snapshot!)).toBe('stored before ');
      expect(state.updates).toHaveLength(1);
      expect(textStored(state)).toBe('stored before after');
    });

    it('waits a round when another process compacted without saying what it replaced, then merges until a resync reads storage again', async () => {
      const storage = new RecordedCompactions();
      const { doc, a } = await loadedWithTwo('Wuhan', storage);
      const writer = editor(4);
      doc.receive(a.conn, updateFrame(writer.append('one ')));
      await settle(doc);
      await storage.compact('doc'); // the other process, merging
      storage.merges = 0;
      const edit = async (text: string) => {
        doc.receive(a.conn, updateFrame(writer.append(text)));
        await settle(doc);
        await doc.compact();
      };
      // Refused as stale: the other process may yet say what its snapshot replaced.
      await edit('two ');
      expect(storage.replacements).toEqual([{ base: null, seqs: expect.any(Array), replaced: false }]);
      expect(storage.merges).toBe(0);
      // Refused again: storage merges, and from then on.
      await edit('three ');
      expect([storage.replacements.length, storage.merges]).toEqual([2, 1]);
      await edit('four ');
      expect([storage.replacements.length, storage.merges]).toEqual([2, 2]);
      // A resync reads what storage holds: the copy holds that snapshot and those rows again.
      await doc.resync();
      await edit('five');
      expect([storage.replacements.length, storage.merges]).toEqual([3, 2]);
      expect(storage.replacements[2]).toMatchObject({ replaced: true });
      const state = await storage.loadState('doc');
      expect(state.updates).toEqual([]);
      expect(textOf(state.snapshot!)).toBe('one two three four five');
    });

    it('reads the stored size again on a resync, so a document that is small again is compacted from memory again', async () => {
      const storage = new RecordedCompactions();
      const { doc, a } = await loadedWithTwo('Quito', storage, { compactInMemoryMaxBytes: 2_000 });
      const writer = editor(21);
      const change = (edit: (text: Y.Text) => void) => doc.receive(a.conn, updateFrame(writer.change(edit)));
      change((t) => t.insert(0, 'vision. '));
      await settle(doc);
      await storage.compact('doc'); // another process, merging: this copy falls back to merging
      for (let round = 0; round < 5; round++) {
        // 600 bytes stored, and deleted again: the document itself stays small.
        change((t) => t.insert(t.length, 'x'.repeat(600)));
        change((t) => t.delete(t.length - 600, 600));
        await settle(doc);
        await doc.compact();
      }
      expect(storage.replacements.filter((r) => r.replaced)).toEqual([]);
      expect(storage.merges).toBeGreaterThan(1);
      await doc.resync();
      change((t) => t.insert(t.length, 'goals.'));
      await settle(doc);
      await doc.compact();
      expect(storage.replacements.filter((r) => r.replaced)).toHaveLength(1);
      expect(textOf((await storage.loadState('doc')).snapshot!)).toBe('vision. goals.');
    });

    it("counts another process's updates towards the stored size that decides where a document is compacted", async () => {
      const fanout = new ScriptedFanout();
      const storage = new RecordedCompactions();
      const { doc, a } = await loadedWithTwo('Hanoi', storage, { fanout, compactInMemoryMaxBytes: 2_000 });
      const large = editor(22).append('z'.repeat(3_000));
      fanout.deliver('doc', { kind: 'update', payload: large, seq: await storage.appendUpdate('doc', large) });
      doc.receive(a.conn, updateFrame(editor(23).append('small.')));
      await settle(doc);
      await doc.compact();
      expect([storage.replacements.length, storage.merges]).toEqual([0, 1]);
    });

    it('goes on compacting from memory on two processes that each hear what the other compacted', async () => {
      const storage = new RecordedCompactions();
      await storage.createDocument({ id: 'doc', title: 'Medellín' });
      const hub = new FanoutHub();
      const [p, q] = [open(storage, { fanout: hub.member() }), open(storage, { fanout: hub.member() })];
      for (const doc of [p, q]) await doc.queue.run(() => doc.load());
      const [onP, onQ] = [fakeConnection('a'), fakeConnection('b')];
      p.addConnection(onP.conn);
      q.addConnection(onQ.conn);
      const [writerP, writerQ] = [editor(11), editor(12)];
      let round = 0;
      const editBoth = async () => {
        round += 1;
        p.receive(onP.conn, updateFrame(writerP.append(`p${round} `)));
        q.receive(onQ.conn, updateFrame(writerQ.append(`q${round} `)));
        for (const doc of [p, q, p, q]) await settle(doc);
      };
      await editBoth();
      await p.compact();
      // P's copy held Q's row too (published with its number): it replaced both.
      expect(storage.replacements).toEqual([{ base: null, seqs: [expect.any(Number), expect.any(Number)], replaced: true }]);
      expect((await storage.loadState('doc')).updates).toEqual([]);
      for (const doc of [p, q]) await settle(doc);
      for (let i = 0; i < 3; i++) {
        await editBoth();
        await q.compact();
        await editBoth();
        await p.compact();
      }
      expect(storage.merges).toBe(0);
      expect(storage.replacements.map((r) => r.replaced)).toEqual(Array(7).fill(true));
      // Each one named the snapshot the other had just written.
      const stamps = storage.replacements.map((r) => r.base);
      expect(new Set(stamps).size).toBe(7);
      const state = await storage.loadState('doc');
      expect(state.updates).toEqual([]);
      expect(textOf(state.snapshot!)).toBe(p.ydoc.getText('t').toString());
      expect(textOf(state.snapshot!)).toBe(q.ydoc.getText('t').toString());
      expect(textOf(state.snapshot!)).toContain('p7 ');
      expect(textOf(state.snapshot!)).toContain('q7 ');
    });

    it("does not take another process's snapshot as its own while it lacks a row that one replaced, and reads storage again", async () => {
      const fanout = new ScriptedFanout();
      const storage = new RecordedCompactions();
      const { doc, a } = await loadedWithTwo('Cork', storage, { fanout });
      const writer = editor(13);
      doc.receive(a.conn, updateFrame(writer.append('here. ')));
      await settle(doc);
      const [own] = (await storage.loadState('doc')).seqs;
      // The other process stored an update and compacted it with this one's row; its update never
      // arrived here (a message lost), the word of its compaction has.
      const elsewhere = editor(14).append('there. ');
      const theirs = await storage.appendUpdate('doc', elsewhere);
      const written = await compactedElsewhere(storage, fanout, [Y.encodeStateAsUpdate(doc.ydoc), elsewhere], null, [own!, theirs]);
      await settle(doc);
      storage.replacements.length = 0;
      for (const text of ['again. ', 'more.']) {
        doc.receive(a.conn, updateFrame(writer.append(text)));
        await settle(doc);
        await doc.compact();
      }
      // It read storage again, so it now holds "there." and the other's snapshot, and goes on from it.
      expect(doc.ydoc.getText('t').toString()).toContain('there. ');
      expect(storage.replacements.map((r) => [r.base, r.replaced])).toEqual([
        [written, true],
        [expect.any(Number), true],
      ]);
      expect(storage.merges).toBe(0);
      const text = textStored(await storage.loadState('doc'));
      for (const part of ['here. ', 'there. ', 'again. ', 'more.']) expect(text).toContain(part);
      expect(text).toHaveLength('here. there. again. more.'.length);
    });

    it('names the snapshot its encoding holds, even when it learns of a newer one before storage answers', async () => {
      const fanout = new ScriptedFanout();
      const { storage, doc, a } = await loadedWithTwo('Seoul', new HeldAppends(), { fanout });
      const writer = editor(15);
      doc.receive(a.conn, updateFrame(writer.append('one. ')));
      storage.release();
      await settle(doc);
      const [own] = (await storage.loadState('doc')).seqs;
      doc.receive(a.conn, updateFrame(writer.append('two. ')));
      const compaction = doc.compact();
      await new Promise((r) => setTimeout(r, 0));
      // Encoded, waiting for "two"'s append. Meanwhile another process stores an update, this copy
      // receives it, and that process replaces the snapshot with both rows and tells this one.
      const elsewhere = editor(16).append('three.');
      const theirs = await MemoryStorage.prototype.appendUpdate.call(storage, 'doc', elsewhere);
      fanout.deliver('doc', { kind: 'update', payload: elsewhere, seq: theirs });
      await doc.queue.idle();
      await compactedElsewhere(storage, fanout, [(await storage.loadState('doc')).updates[0]!, elsewhere], null, [own!, theirs]);
      await doc.queue.idle();
      storage.release();
      await compaction;
      // The encoding lacks "three.", which is now only in the other's snapshot: it must not replace it.
      const holdsAll = (text: string) => {
        for (const part of ['one. ', 'two. ', 'three.']) expect(text).toContain(part);
      };
      holdsAll(textStored(await storage.loadState('doc')));
      // Next time it goes on from the other's snapshot.
      await doc.compact();
      const state = await storage.loadState('doc');
      expect(state.updates).toEqual([]);
      holdsAll(textOf(state.snapshot!));
      expect(textOf(state.snapshot!)).toBe(doc.ydoc.getText('t').toString());
    });

    it('relies on no row number of another process where storage may reuse them', async () => {
      const fanout = new ScriptedFanout();
      const storage = new ReusedRowNumbers();
      const { doc, a } = await loadedWithTwo('Lyon', storage, { fanout });
      const elsewhere = editor(17).append('there. ');
      const theirs = await storage.appendUpdate('doc', elsewhere);
      fanout.deliver('doc', { kind: 'update', payload: elsewhere, seq: theirs });
      const here = editor(18);
      doc.receive(a.conn, updateFrame(here.append('here.')));
      await settle(doc);
      await doc.compact();
      expect(storage.replacements).toHaveLength(1);
      expect(storage.replacements[0]!.seqs).not.toContain(theirs);
      expect((await storage.loadState('doc')).seqs).toEqual([theirs]);
      // Word of a compaction is not taken either: storage merges from then on.
      const stamp = (await storage.loadState('doc')).stamp!;
      await compactedElsewhere(storage, fanout, [Y.encodeStateAsUpdate(doc.ydoc)], stamp, [theirs]);
      doc.receive(a.conn, updateFrame(here.append(' again')));
      await settle(doc);
      storage.replacements.length = 0;
      await doc.compact();
      expect([storage.replacements.length, storage.merges]).toEqual([0, 1]);
    });

    it('tells the other processes which snapshot it replaced, with which rows', async () => {
      const fanout = new ScriptedFanout();
      const storage = new RecordedCompactions();
      const { doc, a } = await loadedWithTwo('Accra', storage, { fanout });
      doc.receive(a.conn, updateFrame(editor(19).append('vision.')));
      await settle(doc);
      const published = fanout.published.filter((m) => m.kind === 'update');
      expect(published).toHaveLength(1);
      expect(published[0]!.seq).toBe((await storage.loadState('doc')).seqs[0]);
      await doc.compact();
      const said = fanout.published.filter((m) => m.kind === 'compacted').map((m) => decodeCompacted(m.payload));
      expect(said).toEqual([{ base: null, stamp: (await storage.loadState('doc')).stamp, seqs: [published[0]!.seq] }]);
    });

    it('replaces the rows a resync read too, when it found the snapshot the copy holds', async () => {
      const storage = new RecordedCompactions();
      const { doc, a } = await loadedWithTwo('Bristol', storage);
      await storage.appendUpdate('doc', editor(9).append('from elsewhere. '));
      await doc.resync();
      doc.receive(a.conn, updateFrame(editor(5).append('from here.')));
      await settle(doc);
      await doc.compact();
      expect(storage.merges).toBe(0);
      expect(storage.replacements[0]!.seqs).toHaveLength(2);
      const state = await storage.loadState('doc');
      expect(state.updates).toEqual([]);
      expect(textOf(state.snapshot!)).toContain('from elsewhere. ');
      expect(textOf(state.snapshot!)).toContain('from here.');
    });

    it('writes nothing from a copy whose append failed: storage keeps only what was stored', async () => {
      const storage = new RecordedCompactions();
      const { doc, a } = await loadedWithTwo('Espoo', storage);
      const writer = editor(6);
      doc.receive(a.conn, updateFrame(writer.append('stored. ')));
      await settle(doc);
      storage.failing.add('appendUpdate');
      doc.receive(a.conn, updateFrame(writer.append('not stored.')));
      await doc.compact();
      storage.failing.delete('appendUpdate');
      expect(doc.state).toBe('failed');
      expect(storage.replacements).toEqual([]);
      expect(storage.merges).toBe(0);
      expect(textStored(await storage.loadState('doc'))).toBe('stored. ');
    });

    it('leaves a document larger than it may encode on the event loop to storage, which merges it off the event loop', async () => {
      const storage = new RecordedCompactions();
      const { doc, a } = await loadedWithTwo('Hamburg', storage, { compactInMemoryMaxBytes: 2_000 });
      const writer = editor(8);
      doc.receive(a.conn, updateFrame(writer.append('small. ')));
      await settle(doc);
      await doc.compact();
      expect([storage.replacements.length, storage.merges]).toEqual([1, 0]);
      doc.receive(a.conn, updateFrame(writer.append('x'.repeat(3_000))));
      await settle(doc);
      await doc.compact();
      expect([storage.replacements.length, storage.merges]).toEqual([1, 1]);
      const state = await storage.loadState('doc');
      expect(state.updates).toEqual([]);
      expect(textOf(state.snapshot!)).toBe(`small. ${'x'.repeat(3_000)}`);
    });
  });
});
