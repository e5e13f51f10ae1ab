/**
 * Top-level y-websocket message types (the first varint of every frame). These are the stock
 * y-websocket values; the server reuses y-protocols for everything inside them.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** URL path prefix of the collaboration endpoint: `/collab/<documentId>`. */
export const COLLAB_PATH = '/collab';
