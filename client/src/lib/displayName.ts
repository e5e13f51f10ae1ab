import { redeemInvitationBodySchema } from '@lcs/shared';

/** Longest display name the server accepts, in characters. */
export const maxDisplayNameLength = redeemInvitationBodySchema.shape.displayName.maxLength ?? 80;

/** A name as typed, tidied: whitespace collapsed and trimmed. Empty means "no name". */
export function normalizeDisplayName(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
