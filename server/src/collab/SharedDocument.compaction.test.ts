import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from '../storage/memoryStorage.ts';
import type { StoredState } from '../storage/storage.ts';
import { decodeCompacted } from './fanout/compactedMessage.ts';
import { HeldAppends, RecordedCompactions, ReusedRowNumbers, settle, fakeConnection, updateFrame, editor, compactedElsewhere, ScriptedFanout, FanoutHub, textOf, useDocuments } from '../../test/sharedDocument.ts';

describe('SharedDocument: compaction from the copy in memory', () => {
  const { loadedWithTwo, open } = useDocuments();
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
