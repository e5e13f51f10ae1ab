import { spawn, spawnSync } from 'node:child_process';

/** Throws unless Linux `perf` can be run here. */
export function checkPerf(): void {
  const probe = spawnSync('perf', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error(`perf is not available (${probe.error?.message ?? probe.stderr.trim()})`);
}

/**
 * Samples one thread (a server's event loop: its pid) with `perf record` for `seconds`, kernel and
 * user space alike, with call graphs; resolves once the file is written. V8's JIT frames get names
 * from the `/tmp/perf-<pid>.map` the server writes when started with `--perf-basic-prof`.
 */
export function recordPerf(tid: number, file: string, seconds: number): Promise<void> {
  const child = spawn('perf', ['record', '-F', '999', '-g', '-t', String(tid), '-o', file, '--', 'sleep', String(seconds)], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`perf record exited with ${code}`))));
  });
}
