import type { CloseCodeName } from '@lcs/shared';
import { CloseCode } from '@lcs/shared';

/** Thrown by hooks and handlers to close a connection with a code from the shared table. */
export class CloseError extends Error {
  readonly code: number;
  readonly reason: string;

  constructor(
    readonly kind: CloseCodeName,
    detail?: string,
  ) {
    super(detail ?? CloseCode[kind].reason);
    this.name = 'CloseError';
    this.code = CloseCode[kind].code;
    this.reason = CloseCode[kind].reason;
  }
}
