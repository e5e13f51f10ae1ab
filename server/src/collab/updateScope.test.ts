import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rootsWrittenBy } from './updateScope.ts';

/** A server document and a client synced to it; `edit` returns the client's update for `fn`. */
function buildPair() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const edit = (fn: (d: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client);
    fn(client);
    const update = Y.encodeStateAsUpdate(client, before);
    return update;
  };
  const deliver = (update: Uint8Array) => Y.applyUpdate(server, update);
  return { server, client, edit, deliver };
}

describe('rootsWrittenBy', () => {
  it('names the root of a plain text insertion', () => {
    const { server, edit } = buildPair();
    expect(rootsWrittenBy(server, edit((d) => d.getText('body').insert(0, 'hello')))).toEqual({ roots: new Set(['body']), unresolved: false });
  });

  it('follows nested types created in the same update back to their root', () => {
    const { server, edit } = buildPair();
    const update = edit((d) => {
      const thread = new Y.Map();
      d.getMap('threads').set('t1', thread);
      const replies = new Y.Array();
      thread.set('replies', replies);
      replies.push(['first']);
    });
    expect(rootsWrittenBy(server, update).roots).toEqual(new Set(['threads']));
  });

  it('follows items that continue text already on the server (origin references)', () => {
    const { server, edit, deliver } = buildPair();
    deliver(edit((d) => d.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')])));
    const update = edit((d) => {
      const p = d.getXmlFragment('default').get(0) as Y.XmlElement;
      p.insert(0, [new Y.XmlText('Vision')]);
    });
    expect(rootsWrittenBy(server, update)).toEqual({ roots: new Set(['default']), unresolved: false });
  });

  it('attributes deletions to the root of the deleted content', () => {
    const { server, edit, deliver } = buildPair();
    deliver(edit((d) => d.getMap('threads').set('t1', 'x')));
    deliver(edit((d) => d.getText('body').insert(0, 'abc')));
    const removeThread = edit((d) => d.getMap('threads').delete('t1'));
    expect(rootsWrittenBy(server, removeThread).roots).toEqual(new Set(['threads']));
    deliver(removeThread);
    // The delete set of a later update still lists the thread's deletion; it is old news, not a write.
    expect(rootsWrittenBy(server, edit((d) => d.getText('body').delete(0, 1))).roots).toEqual(new Set(['body']));
  });

  it('reports a mixed update touching two roots', () => {
    const { server, edit } = buildPair();
    const update = edit((d) => {
      d.getText('body').insert(0, 'x');
      d.getMap('meta').set('templateId', 'forged');
    });
    expect(rootsWrittenBy(server, update).roots).toEqual(new Set(['body', 'meta']));
  });

  it('flags an update that depends on content the server has not seen', () => {
    const { server, edit } = buildPair();
    edit((d) => d.getText('body').insert(0, 'unsent'));
    const dependent = edit((d) => d.getText('body').insert(6, ' more'));
    expect(rootsWrittenBy(server, dependent).unresolved).toBe(true);
  });
});
