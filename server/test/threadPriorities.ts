import { threadNames, threadNiceValues } from '../bench/procStats.ts';

/** Values of this process's threads that exist in `now` and did not in `before` (both keyed by thread id). */
function ofNewThreads<T>(now: Map<number, T>, before: Map<number, unknown>): T[] {
  return [...now].filter(([tid]) => !before.has(tid)).map(([, value]) => value);
}

/** Nice values of this process's threads that did not exist in `before` (`threadNiceValues()`). */
export function newThreadNiceValues(before: Map<number, unknown>): number[] {
  return ofNewThreads(threadNiceValues(), before);
}

/** Names of this process's threads that did not exist in `before` (`threadNiceValues()`). */
export function newThreadNames(before: Map<number, unknown>): string[] {
  return ofNewThreads(threadNames(), before);
}
