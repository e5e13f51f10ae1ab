/** `<@client.seq>`: the marker each edit inserts; plain ASCII, so it can be found in the raw frame. */
const MARKER = /<@(\d+)\.(\d+)>/g;

export const markerText = (client: number, seq: number): string => `<@${client}.${seq}>`;

interface Pending {
  sentAt: number;
  expected: number;
  receivers: Set<number>;
}

/**
 * Sender-to-receiver accounting of every edit. Senders and receivers live in this one process, so
 * one clock (`performance.now()`) times both ends; a receiver finds the markers in the update
 * frame itself, on receipt, before it applies anything.
 */
export class DeliveryLedger {
  readonly #pending = new Map<string, Pending>();
  readonly latencies: number[] = [];
  sentCount = 0;
  expected = 0;
  received = 0;
  duplicates = 0;
  unknown = 0;

  sent(client: number, seq: number, expected: number, at: number): void {
    this.#pending.set(`${client}.${seq}`, { sentAt: at, expected, receivers: new Set() });
    this.sentCount += 1;
    this.expected += expected;
  }

  /** Scans one received update frame for markers; the sender's own echo (reference) is not a delivery. */
  receive(frame: Uint8Array, receiver: number, at: number): void {
    const text = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength).toString('latin1');
    for (const match of text.matchAll(MARKER)) {
      if (Number(match[1]) === receiver) continue;
      const entry = this.#pending.get(`${match[1]}.${match[2]}`);
      if (!entry) {
        this.unknown += 1;
        continue;
      }
      if (entry.receivers.has(receiver)) {
        this.duplicates += 1;
        continue;
      }
      entry.receivers.add(receiver);
      this.received += 1;
      this.latencies.push(at - entry.sentAt);
    }
  }

  /** Forgets everything so far (after a warm-up has drained): counting starts again from here. */
  reset(): void {
    this.#pending.clear();
    this.latencies.length = 0;
    this.sentCount = this.expected = this.received = this.duplicates = this.unknown = 0;
  }

  get lost(): number {
    return this.expected - this.received;
  }
}
