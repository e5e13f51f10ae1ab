import fs from 'node:fs';

/**
 * `tsx server/bench/profileSummary.ts <file> [top]`: where a V8 CPU profile (`.cpuprofile`, from
 * `pnpm bench -- --profile <dir>`) spent its time, or where a sampling heap profile (`.heapprofile`,
 * from `--alloc-profile <dir>`) allocated its bytes, by function and by package, self only.
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

const [file, topArg] = process.argv.slice(2).filter((a) => a !== '--');
if (!file) {
  console.error('usage: tsx server/bench/profileSummary.ts <file.cpuprofile> [top]');
  process.exit(1);
}
const top = Number(topArg ?? 25);

/** `yjs`, `ws`, `better-sqlite3`, `server/src/collab/...`, or `(program)`/`(garbage collector)`. */
function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pnpm = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1]!;
  const own = /\/work\/[^/]+\/(.*)$/.exec(url) ?? /file:\/\/.*?\/((?:server|shared)\/.*)$/.exec(url);
  if (own) return own[1]!.replace(/^main\//, '');
  return url.startsWith('node:') ? 'node:internal' : url;
}

const selfByFunction = new Map<string, number>();
const selfByPackage = new Map<string, number>();
let total = 0;
const add = ({ functionName, url, lineNumber }: CallFrame, amount: number) => {
  total += amount;
  const pkg = packageOf(url, functionName);
  const fn = `${functionName || '(anonymous)'}  ${pkg}:${lineNumber + 1}`;
  selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + amount);
  selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + amount);
};

const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile | { head: HeapNode };
if ('head' in parsed) {
  const walk = (node: HeapNode) => {
    if (node.selfSize > 0) add(node.callFrame, node.selfSize);
    node.children.forEach(walk);
  };
  walk(parsed.head);
} else {
  const byId = new Map(parsed.nodes.map((n) => [n.id, n]));
  parsed.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (node) add(node.callFrame, parsed.timeDeltas[i] ?? 0);
  });
}

const heap = 'head' in parsed;
const format = (amount: number) => (heap ? `${(amount / 1024 ** 2).toFixed(1).padStart(8)} MB` : `${(amount / 1e3).toFixed(0).padStart(8)} ms`);
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, amount] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${format(amount)} ${((amount / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
};
const what = heap ? 'allocated' : 'time';
console.log(heap ? `${file}: ${(total / 1024 ** 2).toFixed(1)} MB allocated (sampled)` : `${file}: ${(total / 1e6).toFixed(2)} s sampled`);
print(`self ${what} by package / file`, selfByPackage);
print(`self ${what} by function`, selfByFunction);
