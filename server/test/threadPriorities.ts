import { threadNames, threadNiceValues } from '../bench/procStats.ts';

/** Nice values of this process's threads that exist now and did not in `before` (`threadNiceValues()`). */
export function newThreadNiceValues(before: Map<number, number>): number[] {
  return [...threadNiceValues()].filter(([tid]) => !before.has(tid)).map(([, nice]) => nice);
}

/** Names of this process's threads that exist now and did not in `before` (`threadNiceValues()`). */
export function newThreadNames(before: Map<number, number>): string[] {
  return [...threadNames()].filter(([tid]) => !before.has(tid)).map(([, name]) => name);
}
