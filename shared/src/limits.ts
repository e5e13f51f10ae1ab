/** Limits shared by client and server so both sides agree on what is too big. */
export const limits = {
  /** Default maximum size of one WebSocket frame, in bytes (server config can change it). */
  maxMessageBytes: 16 * 1024 * 1024,
  /** Longest document title, in characters. */
  maxTitleLength: 200,
} as const;

/** Document ids are URL-safe: letters, digits, `-` and `_`, 1–64 characters. */
export const documentIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidDocumentId(id: string): boolean {
  return documentIdPattern.test(id);
}
