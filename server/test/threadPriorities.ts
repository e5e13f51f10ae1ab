import fs from 'node:fs';

/**
 * The nice value of every thread of this process, by thread id (Linux keeps one per thread:
 * field 19 of `/proc/self/task/<tid>/stat`).
 */
export function threadNiceValues(): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields are counted from after the command name, which may contain spaces; nice is the 17th.
      nices.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return nices;
}

/** Nice values of the threads that exist now and did not in `before`. */
export function newThreadNiceValues(before: Map<number, number>): number[] {
  return [...threadNiceValues()].filter(([tid]) => !before.has(tid)).map(([, nice]) => nice);
}
