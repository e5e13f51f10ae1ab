/**
 * Every reason the server closes a collaboration socket, in one table shared by server and client.
 * 1000–1999 are the WebSocket standard codes; 4000–4999 are application codes, HTTP-like on purpose:
 * the stock y-websocket provider stops reconnecting after 4400–4499 (a decision reconnecting cannot
 * change) and retries after anything else, 4500–4599 included.
 */
export const CloseCode = {
  /** Normal shutdown, e.g. the server is restarting. Clients reconnect. */
  normal: { code: 1000, reason: 'normal' },
  /** The server is going away (SIGTERM). Clients reconnect. */
  goingAway: { code: 1001, reason: 'server_shutting_down' },
  /** A frame was larger than the configured maximum message size. */
  messageTooBig: { code: 1009, reason: 'message_too_big' },
  /** A frame was not a well-formed y-websocket message (truncated, malformed varint, unknown type). */
  badMessage: { code: 4400, reason: 'bad_message' },
  /** No valid session. */
  unauthenticated: { code: 4401, reason: 'unauthenticated' },
  /** A session that may not open this document. */
  forbidden: { code: 4403, reason: 'forbidden' },
  /** The document does not exist. */
  notFound: { code: 4404, reason: 'document_not_found' },
  /** A Yjs update inside a well-formed message failed to decode or apply. */
  badUpdate: { code: 4422, reason: 'bad_update' },
  /** The server could not load or store the document; the client should retry later. */
  storageError: { code: 4500, reason: 'storage_error' },
  /** An update depended on content the server has not seen; reconnecting resyncs it whole. */
  outOfSync: { code: 4510, reason: 'out_of_sync' },
  /** The person's role or teams changed: reconnect at once to continue with the new permissions. */
  permissionsChanged: { code: 4509, reason: 'permissions_changed' },
} as const;

export type CloseCodeName = keyof typeof CloseCode;

/** Close codes after which reconnecting cannot help until the user does something (y-websocket's rule). */
export function isTerminalCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/** The terminal codes of our table, for display. */
export const terminalCloseCodes: ReadonlySet<number> = new Set(
  Object.values(CloseCode)
    .map((c) => c.code)
    .filter(isTerminalCloseCode),
);

/** Looks up the table entry for a close code received by a client, if it is one of ours. */
export function describeCloseCode(code: number): CloseCodeName | undefined {
  for (const [name, entry] of Object.entries(CloseCode)) {
    if (entry.code === code) return name as CloseCodeName;
  }
  return undefined;
}
