import type { PersonDto, WorkshopDto } from '@lcs/shared';
import { readJson, writeJson } from './keyValueStore.ts';
import type { KeyValueStore } from './keyValueStore.ts';
import { isStrategySummary } from './documentsApi.ts';
import type { StrategySummary } from './documentsApi.ts';
import type { Me } from './meApi.ts';
import { isRecordWithId } from './readField.ts';

/**
 * What this device last heard from the server, so a reload while the server is down still opens
 * the app: who is signed in (`GET /api/me`) and, per person, the strategies they opened with their
 * access. Only ever a fallback for an unreachable server, never for a 401 or 403; forgotten on
 * sign-out. Every entry carries when it was saved.
 */

/** Key of the signed-in person. */
export const cachedMeKey = 'lcs-offline:me';
/** Key of the strategies one person opened on this device. */
export const cachedStrategiesKey = (personId: string) => `lcs-offline:strategies:${personId}`;
/** Strategies kept per person; the ones opened longest ago go first. */
export const maxCachedStrategies = 100;

/** A cached answer and when it was saved (ms since the epoch). */
export interface Cached<T> {
  data: T;
  savedAt: number;
}

function isMe(value: unknown): value is Me {
  if (typeof value !== 'object' || value === null) return false;
  const { person, workshop } = value as { person?: unknown; workshop?: unknown };
  return isRecordWithId<PersonDto>(person) && typeof person.displayName === 'string' && (workshop === null || isRecordWithId<WorkshopDto>(workshop));
}

function isCached<T>(value: unknown, guard: (data: unknown) => data is T): value is Cached<T> {
  if (typeof value !== 'object' || value === null) return false;
  const { data, savedAt } = value as { data?: unknown; savedAt?: unknown };
  return typeof savedAt === 'number' && guard(data);
}

export function readCachedMe(store: KeyValueStore): Cached<Me> | null {
  const value = readJson(store, cachedMeKey, null);
  return isCached(value, isMe) ? value : null;
}

export function writeCachedMe(store: KeyValueStore, me: Me, now = Date.now()): void {
  writeJson(store, cachedMeKey, { data: me, savedAt: now } satisfies Cached<Me>);
}

/** Forgets the signed-in person and the strategies they opened (sign-out, or a session that ended). */
export function forgetCachedSession(store: KeyValueStore): void {
  const me = readCachedMe(store);
  if (me) store.removeItem(cachedStrategiesKey(me.data.person.id));
  store.removeItem(cachedMeKey);
}

function readStrategies(store: KeyValueStore, personId: string): Record<string, Cached<StrategySummary>> {
  const value = readJson(store, cachedStrategiesKey(personId), {});
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => isCached(entry, isStrategySummary))) as Record<string, Cached<StrategySummary>>;
}

export function readCachedStrategy(store: KeyValueStore, personId: string, documentId: string): Cached<StrategySummary> | null {
  return readStrategies(store, personId)[documentId] ?? null;
}

export function writeCachedStrategy(store: KeyValueStore, personId: string, summary: StrategySummary, now = Date.now()): void {
  const entries = { ...readStrategies(store, personId), [summary.id]: { data: summary, savedAt: now } };
  const kept = Object.entries(entries)
    .sort(([, a], [, b]) => b.savedAt - a.savedAt)
    .slice(0, maxCachedStrategies);
  writeJson(store, cachedStrategiesKey(personId), Object.fromEntries(kept));
}
