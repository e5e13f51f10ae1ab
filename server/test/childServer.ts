import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ChildServer {
  process: ChildProcessWithoutNullStreams;
  port: number;
  httpUrl: string;
  wsUrl: string;
  /** The first-facilitator link, if this process printed one. */
  facilitatorLink: string | undefined;
  /** Everything the process logged so far. */
  log(): string;
  /** Sends a signal and resolves with the exit code (or signal name). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Starts the real server (`src/index.ts`) as a child process and waits until it listens. It runs as
 * `node --import tsx`, one process: the `tsx` CLI would put a wrapper process in between, and
 * `kill -9` of that wrapper would leave the real server running.
 */
export async function startChildServer(env: Record<string, string>, timeoutMs = 20_000): Promise<ChildServer> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env };
  // The test runner's own loader options must not leak into the server.
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: serverDir, env: childEnv });
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"port":(\d+)[^\n]*listening on/.exec(output) ?? /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  // The first-facilitator link is logged right after "listening".
  const deadline = Date.now() + 1_000;
  while (!/first one: /.test(output) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return {
    process: child,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    get facilitatorLink() {
      return /first one: (\S+?)"/.exec(output)?.[1];
    },
    log: () => output,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
