import * as encoding from 'lib0/encoding';

/** Writes a y-websocket frame by hand from varints (numbers) and length-prefixed byte arrays, bad ones included. */
export function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}
