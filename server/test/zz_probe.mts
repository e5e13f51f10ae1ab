import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
const tryit = (name: string, f: () => unknown) => { try { const r = f(); console.log(name, 'OK', JSON.stringify(r)?.slice(0,200)); } catch (e) { console.log(name, 'THROWS', (e as Error).message); } };
const d = new Y.Doc(); d.getText('t').insert(0, 'INJECTED by a bad client, should never be stored');
const u = Y.encodeStateAsUpdate(d);
console.log('len', u.length);
tryit('half', () => Y.decodeUpdate(u.slice(0, Math.floor(u.length/2))));
for (let cut = 1; cut < u.length; cut++) { try { Y.decodeUpdate(u.slice(0, cut)); console.log('cut', cut, 'decodes!'); } catch {} }
tryit('garbage ff', () => Y.decodeUpdate(new Uint8Array([0xff,0xff,0xff,0xff,0xff])));
tryit('garbage text', () => Y.decodeUpdate(new TextEncoder().encode('not a yjs update')));
tryit('garbage 1..', () => Y.decodeUpdate(new Uint8Array([1, 1, 5, 0, 200, 9, 9])));
const a = new awarenessProtocol.Awareness(new Y.Doc());
tryit('aw 5', () => awarenessProtocol.applyAwarenessUpdate(a, new Uint8Array([5]), null));
tryit('aw text', () => awarenessProtocol.applyAwarenessUpdate(a, new TextEncoder().encode('hello'), null));
tryit('aw json bad', () => { const enc = [1, 7, 1, 3, ...new TextEncoder().encode('{x:')]; return awarenessProtocol.applyAwarenessUpdate(a, new Uint8Array(enc), null); });
