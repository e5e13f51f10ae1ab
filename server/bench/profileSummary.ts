import fs from 'node:fs';

/**
 * `tsx server/bench/profileSummary.ts <file.cpuprofile> [top]`: where a V8 CPU profile (from
 * `pnpm bench -- --profile <dir>`) spent its time, by function and by package, self time only.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2).filter((a) => a !== '--');
if (!file) {
  console.error('usage: tsx server/bench/profileSummary.ts <file.cpuprofile> [top]');
  process.exit(1);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const top = Number(topArg ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

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
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const dt = profile.timeDeltas[i] ?? 0;
  if (!node) return;
  total += dt;
  const { functionName, url, lineNumber } = node.callFrame;
  const pkg = packageOf(url, functionName);
  const fn = `${functionName || '(anonymous)'}  ${pkg}:${lineNumber + 1}`;
  selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + dt);
  selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + dt);
});

const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1e3).toFixed(0).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
print('self time by package / file', selfByPackage);
print('self time by function', selfByFunction);
