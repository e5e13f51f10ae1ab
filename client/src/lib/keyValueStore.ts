/** The part of `localStorage` the comments use, so tests can pass a Map-backed one. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A store in memory: what tests use, and the fallback when the browser offers no localStorage. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

let fallback: KeyValueStore | null = null;

/** This browser's localStorage; in memory when it is unavailable (some private modes throw). */
export function browserStore(): KeyValueStore {
  try {
    const storage = window.localStorage;
    storage.getItem('lcs-probe');
    return storage;
  } catch {
    return (fallback ??= memoryStore());
  }
}

/** Reads JSON from `key`, or `fallbackValue` when it is missing or unreadable. */
export function readJson(store: KeyValueStore, key: string, fallbackValue: unknown): unknown {
  try {
    const text = store.getItem(key);
    return text === null ? fallbackValue : (JSON.parse(text) as unknown);
  } catch {
    return fallbackValue;
  }
}

/** Writes `value` as JSON; a full store (quota) only loses this write. */
export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the state stays correct in memory for this page.
  }
}
