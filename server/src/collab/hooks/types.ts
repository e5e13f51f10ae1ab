import type { IncomingMessage } from 'node:http';
import type { Access } from '@lcs/shared';
import type { Storage } from '../../storage/storage.ts';

/** Who is on the other end of a connection, as decided by `onAuthenticate`. */
export interface ConnectionContext {
  /** Stable id of the person. */
  userId: string;
  /** What the person may do with this document. */
  access: Access;
  /** A read-only connection may read and share presence; its updates to the body are refused. */
  readOnly: boolean;
  /** Hash of the session token the socket was opened with, to notice sign-out and revocation. */
  sessionHash?: string;
}

export interface ConnectPayload {
  documentId: string;
  request: IncomingMessage;
  storage: Storage;
}

export interface ChangePayload {
  documentId: string;
  update: Uint8Array;
  context: ConnectionContext;
  storage: Storage;
}

export interface DisconnectPayload {
  documentId: string;
  context: ConnectionContext | undefined;
  remaining: number;
}

/**
 * One concern per hook, run in the order given (the Hocuspocus shape). A hook rejects a client by
 * throwing a `CloseError`; `onAuthenticate` results are merged into the connection's context.
 */
export interface CollabHook {
  name: string;
  onConnect?(payload: ConnectPayload): Promise<void> | void;
  onAuthenticate?(payload: ConnectPayload): Promise<Partial<ConnectionContext> | void> | Partial<ConnectionContext> | void;
  /**
   * Re-checks an open connection (periodically, and at once when someone's access changes). Throws a
   * CloseError to end it; returns the context it should now have.
   */
  onRevalidate?(payload: RevalidatePayload): Promise<Partial<ConnectionContext> | void> | Partial<ConnectionContext> | void;
  /** After an update was stored and applied. Errors are logged, never sent to the client. */
  onChange?(payload: ChangePayload): Promise<void> | void;
  onDisconnect?(payload: DisconnectPayload): Promise<void> | void;
  afterUnloadDocument?(payload: { documentId: string }): Promise<void> | void;
}

export interface RevalidatePayload {
  documentId: string;
  context: ConnectionContext;
  storage: Storage;
  /**
   * Shares a lookup between the connections checked in one round (the same session, document or
   * team is read once per round, not once per socket).
   */
  cached<T>(key: string, load: () => Promise<T>): Promise<T>;
}
