import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { medianOf, roundRatioLines } from './metrics.ts';
import type { ScenarioResult } from './metrics.ts';
import { openFileLimit } from './procStats.ts';
import { pinGeneratorAndServices, splitCores } from './pinning.ts';
import { keepServersAtNice, pinServersTo } from './serverProcess.ts';
import { sideBySide } from './report.ts';
import { checkPerf } from './perfRecord.ts';
import { runEditing } from './scenarios/editing.ts';
import { runIdle } from './scenarios/idle.ts';
import { runJoinStorm } from './scenarios/joinStorm.ts';
import { DEFAULT_COMPACT_AFTER_UPDATES } from '../src/config.ts';
import { columnLabel, parseVariant, startServer } from './serverUnderTest.ts';
import type { Column, OurMode, ServerUnderTest, Variant } from './serverUnderTest.ts';

/**
 * `pnpm bench [-- --scenario <name>[,<name>] --seconds <n> ...]`: runs each scenario against our
 * server and, in the same invocation, against the stock @y/websocket-server, and prints the two side
 * by side. Figures, not verdicts: nothing here fails on time (see docs/PERFORMANCE.md).
 */
const SCENARIOS = ['editing', 'editing-postgres', 'editing-cluster', 'idle', 'join-storm', 'editing-memory', 'editing-routed', 'editing-reference-postgres'] as const;
/** `all` leaves out the diagnostic in-memory run (it separates storage cost from the rest) and the routed cluster. */
const DEFAULT_SCENARIOS: readonly Scenario[] = ['editing', 'editing-postgres', 'editing-cluster', 'idle', 'join-storm'];
type Scenario = (typeof SCENARIOS)[number];

const { values } = (() => {
  try {
    return parseArgs({
      // `pnpm bench -- --x` hands the script a literal `--`; it is not an argument.
      args: process.argv.slice(2).filter((a) => a !== '--'),
      options: {
        scenario: { type: 'string', default: 'all' },
        seconds: { type: 'string' },
        warmup: { type: 'string' },
        documents: { type: 'string', default: '20' },
        clients: { type: 'string', default: '200' },
        rate: { type: 'string', default: '2' },
        'idle-clients': { type: 'string', default: '1000' },
        'idle-documents': { type: 'string', default: '100' },
        'storm-mb': { type: 'string', default: '5' },
        joiners: { type: 'string', default: '100' },
        profile: { type: 'string' },
        'alloc-profile': { type: 'string' },
        perf: { type: 'string' },
        'loop-delay': { type: 'boolean', default: false },
        'generator-nice': { type: 'string' },
        pin: { type: 'boolean', default: false },
        json: { type: 'string' },
        repeat: { type: 'string', default: '1' },
        variant: { type: 'string', multiple: true },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return usageError((err as Error).message);
  }
})();

if (values.help) {
  console.log(`pnpm bench [-- options]
  --scenario <list>     all (default: ${DEFAULT_SCENARIOS.join(', ')}) or a comma list of:
                        ${SCENARIOS.join(', ')} (editing-cluster: two of our processes on
                        Postgres+Redis, each document's clients split between them; editing-routed:
                        the same two, each document's clients all on one of them; editing-memory:
                        ours on in-memory storage, a diagnostic; editing-reference-postgres: the
                        reference appending each update to PostgreSQL before relaying it, through
                        our append path, a diagnostic of what storing first costs any server)
  --seconds <n>         duration of the editing and idle phases (default: idle 20; editing one
                        compaction cycle, i.e. the time a document takes to collect the
                        ${DEFAULT_COMPACT_AFTER_UPDATES} updates that trigger one (25 s at the default load), at least 20)
  --warmup <n>          editing: seconds of the same load before measuring, not counted (default 1.2
                        compaction cycles, 30 s at the default load, so JIT compilation has settled and
                        every document was compacted once before; 0 = none)
  --documents <n>       editing: documents (default 20)
  --clients <n>         editing: clients over all documents (default 200)
  --rate <n>            editing: edits per second per client (default 2)
  --idle-clients <n>    idle: clients (default 1000), over --idle-documents (default 100)
  --storm-mb <n>        join storm: document size in MB (default 5); --joiners <n> (default 100)
  --repeat <n>          run each server n times, alternating with the reference; print medians
  --variant "<K=V ...>" also run each of our modes with this extra environment, in its own column
                        (repeatable; NODE_OPTIONS passes Node/V8 flags): A/B a knob in one invocation
  --profile <dir>       write a V8 CPU profile of every server process (ours and the reference) into <dir>
  --generator-nice <n>  run the load generator's thread at nice n (1-19) and keep the servers at 0,
                        so a server is not preempted by the generator it wakes, as with clients on
                        other machines (needs root or CAP_SYS_NICE)
  --pin                 give the servers core 0 and everything else (this generator, the local postgres
                        and redis-server processes) the other cores, as if each server had a machine of
                        its own, clients and database elsewhere; the services get their cores back at
                        the end (Linux, taskset, 2 or more cores; moving the services needs root)
  --perf <dir>          editing: sample each server's event-loop thread with Linux perf while measured
                        (kernel and JavaScript frames, call graphs) into <dir>/<server>-<pid>.perf.data
  --alloc-profile <dir> editing: write a sampling heap profile of each server's measured phase, garbage
                        included, into <dir> (where the bytes are allocated; its CPU figures are off)
  --loop-delay          editing: also record each server's event-loop delay (1 ms timer) while
                        measured, to tell its own stalls from the machine's (the timer costs a little CPU)
  --json <file>         also write every figure as JSON`);
  process.exit(0);
}

function usageError(message: string): never {
  console.error(`${message} (see pnpm bench -- --help)`);
  process.exit(2);
}

const num = (name: keyof typeof values, fallback?: number): number => {
  const raw = values[name];
  const n = raw === undefined ? fallback : Number(raw);
  if (n === undefined || !Number.isFinite(n) || n <= 0) usageError(`--${name} must be a positive number`);
  return n;
};

const chosen: Scenario[] =
  values.scenario === 'all'
    ? [...DEFAULT_SCENARIOS]
    : values.scenario!.split(',').map((s) => {
        if (!(SCENARIOS as readonly string[]).includes(s)) usageError(`unknown scenario ${s}; one of ${SCENARIOS.join(', ')}`);
        return s as Scenario;
      });
const documents = num('documents');
const clientsPerDocument = Math.max(2, Math.round(num('clients') / documents));
const rate = num('rate');
// A long-running server compacts each document every DEFAULT_COMPACT_AFTER_UPDATES updates. The
// editing phase covers one such cycle, so a per-delivery figure includes compaction's share, and
// the warm-up covers a little more than one, so the first (cold) compaction is not measured.
const compactionCycle = DEFAULT_COMPACT_AFTER_UPDATES / (clientsPerDocument * rate);
const seconds = values.seconds === undefined ? undefined : num('seconds');
const warmupSeconds = values.warmup === undefined ? Math.max(3, Math.ceil(1.2 * compactionCycle)) : Number(values.warmup);
if (!Number.isFinite(warmupSeconds) || warmupSeconds < 0) usageError('--warmup must be a number of seconds, 0 or more');
const perfDir = values.perf ? path.resolve(values.perf) : undefined;
if (perfDir) {
  try {
    checkPerf();
  } catch (err) {
    usageError(`--perf: ${(err as Error).message}`);
  }
  fs.mkdirSync(perfDir, { recursive: true });
}
const editing = { documents, clientsPerDocument, rate, seconds: seconds ?? Math.max(20, Math.ceil(compactionCycle)), warmupSeconds, perfDir };
const idleDocuments = num('idle-documents');
const idle = { documents: idleDocuments, clientsPerDocument: Math.max(1, Math.round(num('idle-clients') / idleDocuments)), seconds: seconds ?? 20 };
const storm = { megabytes: num('storm-mb'), joiners: num('joiners') };
const repeat = Math.round(num('repeat'));
const variants: Variant[] = (values.variant ?? []).map((text) => {
  try {
    return parseVariant(text);
  } catch (err) {
    return usageError(`--variant: ${(err as Error).message}`);
  }
});
const profileDir = values.profile ? path.resolve(values.profile) : undefined;
if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
// Read by probe.mjs in every server process the benchmark starts (they inherit the environment).
// Read by the probe in every server (see probe.mjs).
if (values['loop-delay']) process.env.BENCH_LOOP_DELAY_MS = '1';
const allocProfileDir = values['alloc-profile'] ? path.resolve(values['alloc-profile']) : undefined;
if (allocProfileDir) {
  fs.mkdirSync(allocProfileDir, { recursive: true });
  process.env.BENCH_ALLOC_PROFILE_DIR = allocProfileDir;
}

const generatorNice = values['generator-nice'] === undefined ? undefined : Number(values['generator-nice']);
if (generatorNice !== undefined) {
  if (!Number.isInteger(generatorNice) || generatorNice < 1 || generatorNice > 19) usageError('--generator-nice must be an integer from 1 to 19');
  // Nice values are per thread on Linux: this one is the generator's. Going back down to 0 proves
  // that the servers (which inherit it) can be kept at 0.
  os.setPriority(0, generatorNice);
  try {
    os.setPriority(0, 0);
  } catch {
    usageError('--generator-nice needs root or CAP_SYS_NICE, to keep the servers at nice 0');
  }
  os.setPriority(0, generatorNice);
  keepServersAtNice(0);
}

let pinned: string | undefined;
if (values.pin) {
  try {
    const split = splitCores();
    const moved = pinGeneratorAndServices(split);
    process.once('exit', () => moved.restore());
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
    pinServersTo(split.servers);
    pinned = `pinned: servers on core ${split.servers}; load generator and ${moved.services} postgres/redis-server processes on ${split.others}`;
    if (moved.skipped) pinned += ` (${moved.skipped} could not be moved: not root?)`;
  } catch (err) {
    usageError(`--pin: ${(err as Error).message}`);
  }
}

async function withServer(column: Column, run: (server: ServerUnderTest) => Promise<ScenarioResult>): Promise<ScenarioResult> {
  const server = await startServer(column, { profileDir, perfMap: perfDir !== undefined });
  try {
    const result = await run(server);
    result.notes.push(...serverProblems(server.log()));
    return result;
  } catch (err) {
    return { server: columnLabel(column), metrics: [], notes: [`failed: ${(err as Error).stack ?? err}`] };
  } finally {
    await server.stop();
  }
}

/** Warnings and errors the server logged (pino levels 40+), summarised by message. */
function serverProblems(log: string): string[] {
  const counts = new Map<string, number>();
  for (const line of log.split('\n')) {
    const m = /"level":(\d+).*"msg":"([^"]*)"/.exec(line);
    if (!m || Number(m[1]) < 40 || m[2]!.startsWith('No facilitator yet')) continue;
    const detail = /"detail":"([^"]*)"/.exec(line)?.[1];
    const key = detail ? `${m[2]}: ${detail}` : m[2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([msg, n]) => `server logged ${n} x "${msg}"`);
}

function printMachine(): void {
  const cpus = os.cpus();
  const files = openFileLimit();
  console.log(
    [
      `machine: ${cpus.length} x ${cpus[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}`,
      `node ${process.version}; open files limit ${files.soft} (hard ${files.hard}); load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      ...(generatorNice === undefined ? [] : [`load generator at nice ${generatorNice}, servers kept at 0`]),
      ...(pinned === undefined ? [] : [pinned]),
    ].join('\n'),
  );
  if (files.soft !== 'unlimited' && Number(files.soft) < idle.documents * idle.clientsPerDocument + 100) {
    console.log(`warning: ${idle.documents * idle.clientsPerDocument} idle clients need more open files than ${files.soft}; raise ulimit -n`);
  }
}

/**
 * Runs one scenario `repeat` times, our modes (each also as every `--variant`) and the reference
 * alternating (so a burst of load from elsewhere on the machine hits all of them), and prints the
 * medians side by side.
 */
async function compare(
  key: string,
  title: string,
  modes: readonly OurMode[],
  run: (server: ServerUnderTest) => Promise<ScenarioResult>,
  results: Record<string, ScenarioResult[][]>,
): Promise<void> {
  console.log(`\n${title} ...`);
  // A variant is our server's environment: the reference made durable takes none.
  const variantsOf = (mode: OurMode) => (mode === 'reference-postgres' ? [] : variants.map((variant) => ({ mode, variant })));
  const servers: Column[] = [...modes.flatMap((mode) => [{ mode }, ...variantsOf(mode)]), { mode: 'reference' }];
  const columns: ScenarioResult[][] = servers.map(() => []);
  for (let i = 0; i < repeat; i++) {
    for (const [c, column] of servers.entries()) columns[c]!.push(await withServer(column, run));
  }
  results[key] = columns;
  const merged = columns.map(medianOf);
  const title2 = repeat > 1 ? `${title} (median of ${repeat} runs)` : title;
  console.log(sideBySide(title2, merged.slice(0, -1), merged.at(-1)));
  if (repeat > 1) for (const line of roundRatioLines(columns)) console.log(line);
}

async function main(): Promise<void> {
  printMachine();
  const results: Record<string, ScenarioResult[][]> = {};
  const scenarioOf: Record<OurMode, Scenario> = {
    sqlite: 'editing',
    postgres: 'editing-postgres',
    cluster: 'editing-cluster',
    routed: 'editing-routed',
    memory: 'editing-memory',
    'reference-postgres': 'editing-reference-postgres',
  };
  const editingModes = (['sqlite', 'postgres', 'cluster', 'routed', 'memory', 'reference-postgres'] as const).filter((m) => chosen.includes(scenarioOf[m]));
  if (editingModes.length) {
    const title = `Editing: ${editing.documents * editing.clientsPerDocument} clients over ${editing.documents} documents, ${editing.rate} edits/s each, ${editing.seconds} s${editing.warmupSeconds > 0 ? ` after ${editing.warmupSeconds} s of warm-up` : ''}`;
    await compare('editing', title, editingModes, (s) => runEditing(s, editing), results);
  }
  if (chosen.includes('idle')) {
    const title = `Idle: ${idle.documents * idle.clientsPerDocument} clients over ${idle.documents} documents, presence only, ${idle.seconds} s`;
    await compare('idle', title, ['sqlite'], (s) => runIdle(s, idle), results);
  }
  if (chosen.includes('join-storm')) {
    const title = `Join storm: ${storm.joiners} clients join one ${storm.megabytes} MB document at once`;
    await compare('join-storm', title, ['sqlite'], (s) => runJoinStorm(s, storm), results);
  }
  if (values.json) {
    fs.writeFileSync(values.json, JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, loadavg: os.loadavg() }, results }, null, 2));
    console.log(`\nfigures of every run written to ${values.json}`);
  }
  if (profileDir) console.log(`\nCPU profiles of the servers in ${profileDir} (open in Chrome DevTools, or: tsx server/bench/profileSummary.ts <file>)`);
  if (perfDir) console.log(`\nperf recordings of the servers' event loops in ${perfDir} (perf report -i <file> --no-children --sort dso,sym)`);
  if (allocProfileDir) console.log(`\nheap allocation profiles (<pid>-<n>.heapprofile) in ${allocProfileDir} (tsx server/bench/profileSummary.ts <file>)`);
  console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
