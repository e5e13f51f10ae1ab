import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { NetworkError, errorMessage, isUnauthenticated } from '../lib/apiClient.ts';
import { useSession } from './useSession.ts';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  /** `error` is what the API client threw (ApiError with a status, NetworkError, ...). */
  | { status: 'error'; error: unknown; message: string };

export interface Resource<T> {
  state: ResourceState<T>;
  /** Loads again from scratch, showing the loading state (the "Try again" button). */
  reload(): void;
  /** Loads again while the current data stays on screen, e.g. after a change was saved. */
  refresh(): void;
  /** Changes the data shown, e.g. with what the server answered to a change; nothing while not ready. */
  update(change: (data: T) => T): void;
}

/**
 * Data from the API for as long as the component is mounted, loaded again when `key` changes.
 * A 401 answer means the session ended while the page was open: the sign-in gate takes over.
 * A refresh that cannot reach the server keeps what is shown rather than replace it by an error.
 */
export function useApiResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const { lost } = useSession();
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [request, setRequest] = useState({ n: 0, quiet: false });
  const fetchData = useEffectEvent(load);
  // A refresh is quiet only for the data already shown: under a new key it loads like the first time.
  const shownKey = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const quiet = request.quiet && shownKey.current === key;
    shownKey.current = key;
    if (!quiet) setState((current) => (current.status === 'loading' ? current : { status: 'loading' }));
    fetchData(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isUnauthenticated(error)) return lost();
        setState((current) =>
          quiet && current.status === 'ready' && error instanceof NetworkError ? current : { status: 'error', error, message: errorMessage(error) },
        );
      },
    );
    return () => controller.abort();
  }, [key, request, lost]);

  const reload = useCallback(() => setRequest(({ n }) => ({ n: n + 1, quiet: false })), []);
  const refresh = useCallback(() => setRequest(({ n }) => ({ n: n + 1, quiet: true })), []);
  const update = useCallback((change: (data: T) => T) => {
    setState((current) => (current.status === 'ready' ? { status: 'ready', data: change(current.data) } : current));
  }, []);
  return { state, reload, refresh, update };
}
