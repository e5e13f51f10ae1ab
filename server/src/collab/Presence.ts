import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { JsonText, jsonTextKind } from './jsonText.ts';

/** y-protocols' `outdatedTimeout`: a client's presence not renewed for this long is dropped. */
export const PRESENCE_TIMEOUT_MS = 30_000;

/** Client ids whose presence an update added, renewed or changed, or removed. */
export interface PresenceChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** What the server knows of one client's presence: its clock, when it last heard of it, its state. */
interface Entry {
  clock: number;
  lastUpdated: number;
  /** The state as the client encoded it (UTF-8 JSON), or null once removed. */
  state: Uint8Array | null;
}

/** An entry of an incoming update, checked before any is applied. */
interface Incoming {
  clientId: number;
  clock: number;
  state: Uint8Array | null;
}

const NULL_STATE = new TextEncoder().encode('null');
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A document's presence (the y-protocols awareness of its clients: who is here, their caret), held
 * as the JSON each client sent rather than as objects. The server never reads a state; it keeps each
 * client's latest, relays it and hands all of them to newcomers. y-protocols' `Awareness` would parse
 * every state on arrival (`JSON.parse`, every key interned), compare it deeply with the previous one
 * and stringify it again for newcomers; here a state is checked to be JSON a client can read
 * (`jsonTextKind`) and kept as bytes.
 *
 * The rules are y-protocols' `applyAwarenessUpdate`, so every peer ends with the same states: an
 * entry is taken if its clock is newer than the one known, or if it is a removal (`null`) at the
 * same clock of a state still held; a client's clock and the time it was last heard of are kept
 * after its state is removed. States not renewed for `PRESENCE_TIMEOUT_MS` are dropped, as
 * `Awareness` does. Unlike `applyAwarenessUpdate`, a malformed update is refused whole: nothing of it
 * is applied.
 */
export class Presence {
  readonly #entries = new Map<number, Entry>();
  readonly #onUpdate: (change: PresenceChange, origin: unknown) => void;
  readonly #now: () => number;
  readonly #sweep: ReturnType<typeof setInterval>;

  /** `onUpdate` hears of every change taken, with the origin it was applied or removed with. */
  constructor(onUpdate: (change: PresenceChange, origin: unknown) => void, now: () => number = Date.now) {
    this.#onUpdate = onUpdate;
    this.#now = now;
    this.#sweep = setInterval(() => this.removeOutdated(), PRESENCE_TIMEOUT_MS / 10);
    this.#sweep.unref();
  }

  /** Ids of the clients with a state. */
  get clientIds(): number[] {
    const ids: number[] = [];
    for (const [id, entry] of this.#entries) if (entry.state !== null) ids.push(id);
    return ids;
  }

  has(clientId: number): boolean {
    return this.#entries.get(clientId)?.state != null;
  }

  /** A client's state, parsed (for tests and diagnostics; the server itself never reads one). */
  state(clientId: number): unknown {
    const state = this.#entries.get(clientId)?.state;
    return state ? JSON.parse(utf8.decode(state)) : null;
  }

  /**
   * Applies an encoded awareness update. Throws, having applied nothing, if it is malformed or any
   * state in it is not JSON a client could read.
   */
  apply(update: Uint8Array, origin: unknown): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const incoming: Incoming[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const bytes = decoding.readVarUint8Array(decoder);
      const kind = jsonTextKind(bytes);
      if (kind === JsonText.Invalid) throw new Error(`the state of client ${clientId} is not JSON`);
      // A copy: the update is a view of the socket's buffer, which a stored view would keep alive.
      incoming.push({ clientId, clock, state: kind === JsonText.Null ? null : bytes.slice() });
    }

    const now = this.#now();
    const change: PresenceChange = { added: [], updated: [], removed: [] };
    for (const { clientId, clock, state } of incoming) {
      const known = this.#entries.get(clientId);
      const knownClock = known === undefined ? 0 : known.clock;
      if (!(knownClock < clock || (knownClock === clock && state === null && known?.state != null))) continue;
      this.#entries.set(clientId, { clock, lastUpdated: now, state });
      if (known === undefined && state !== null) change.added.push(clientId);
      else if (known !== undefined && state === null) change.removed.push(clientId);
      else if (state !== null) change.updated.push(clientId);
    }
    if (change.added.length > 0 || change.updated.length > 0 || change.removed.length > 0) this.#onUpdate(change, origin);
  }

  /** Removes the states of `clientIds` (a closed connection's, say) without a newer clock, as y-protocols does. */
  remove(clientIds: Iterable<number>, origin: unknown): void {
    const removed: number[] = [];
    for (const id of clientIds) {
      const entry = this.#entries.get(id);
      if (entry?.state == null) continue;
      entry.state = null;
      removed.push(id);
    }
    if (removed.length > 0) this.#onUpdate({ added: [], updated: [], removed }, origin);
  }

  /** Drops the states not renewed for `PRESENCE_TIMEOUT_MS` (every tenth of it on a timer). */
  removeOutdated(): void {
    const now = this.#now();
    const outdated: number[] = [];
    for (const [id, entry] of this.#entries) if (entry.state !== null && now - entry.lastUpdated >= PRESENCE_TIMEOUT_MS) outdated.push(id);
    if (outdated.length > 0) this.remove(outdated, 'timeout');
  }

  /** An awareness update carrying the current state (or removal) of each of `clientIds` it knows. */
  encode(clientIds: readonly number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    const known = clientIds.filter((id) => this.#entries.has(id));
    encoding.writeVarUint(encoder, known.length);
    for (const id of known) {
      const entry = this.#entries.get(id)!;
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarUint8Array(encoder, entry.state ?? NULL_STATE);
    }
    return encoding.toUint8Array(encoder);
  }

  destroy(): void {
    clearInterval(this.#sweep);
    this.#entries.clear();
  }
}
