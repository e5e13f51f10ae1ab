import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@lcs/shared';
import { MemoryStorage } from '../storage/memoryStorage.ts';
import type { StoredState } from '../storage/storage.ts';
import { LocalFanout } from './fanout/fanout.ts';
import { SerialQueue } from './SerialQueue.ts';
import { SharedDocument } from './SharedDocument.ts';
import { logger, GatedStorage, HeldAppends, HeldCompaction, settle, fakeConnection, describeFrame, syncFrame, updateFrame, awarenessFrame, editor, ScriptedFanout, textReceived, textOf, useDocuments } from '../../test/sharedDocument.ts';

describe('SharedDocument', () => {
  const { open, loadedWithTwo, cleanup } = useDocuments();

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

  it('removes the presence a connection announced again after removing it, once that connection closes', async () => {
    const { doc, a, b, greeted } = await loadedWithTwo('Kigali', new MemoryStorage());
    const presence = new awarenessProtocol.Awareness(new Y.Doc());
    const announce = () => doc.receive(a.conn, awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID])));
    presence.setLocalState({ user: { name: 'A' } });
    announce();
    presence.setLocalState(null);
    announce();
    // Set again: for y-protocols an update of a client it already knows, not an addition.
    presence.setLocalState({ user: { name: 'A, back' } });
    announce();
    await settle(doc);
    expect(doc.presence.state(presence.clientID)).toEqual({ user: { name: 'A, back' } });
    const sentBefore = b.fake.sent.length;
    doc.removeConnection(a.conn);
    await settle(doc);
    expect(doc.presence.has(presence.clientID)).toBe(false);
    const removal = b.fake.sent.slice(Math.max(sentBefore, greeted)).map(describeFrame);
    expect(removal.map((f) => f.kind)).toEqual(['type1']);
    // What B hears is the removal of A's state, which B's copy then drops.
    const seenByB = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(seenByB, awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID]), 'server');
    awarenessProtocol.applyAwarenessUpdate(seenByB, decoding.readVarUint8Array(decoding.createDecoder(removal[0]!.payload)), 'server');
    expect(seenByB.getStates().has(presence.clientID)).toBe(false);
    seenByB.destroy();
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
    expect(doc.presence.state(presence.clientID)).toEqual({ user: { name: 'Leila' }, cursor: 3 });
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
});
