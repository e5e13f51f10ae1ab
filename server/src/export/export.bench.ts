import { builtinTemplate } from '@lcs/shared';
import { buildLongStrategy, CRAFTED_META } from './__fixtures__/buildExportFixtures.ts';
import { EXPORT_FORMATS } from './exportInput.ts';
import type { ExportFormat } from './exportInput.ts';
import { renderExport } from './exportStrategy.ts';
import { toExportModel } from './toExportModel.ts';

// Benchmark, not a test: prints how long each format takes for a ~50-page strategy, and a
// nine-team run of DOCX + PDF. Run: node_modules/.bin/tsx server/src/export/export.bench.ts [--runs N]
// The first run of each format is a warm-up (fonts parsed, code compiled) and is reported apart.

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const out = (line: string) => process.stdout.write(`${line}\n`);

const doc = buildLongStrategy(builtinTemplate);
let started = performance.now();
const model = toExportModel(doc, CRAFTED_META, builtinTemplate, { includeGuidance: true });
out(`model: ${(performance.now() - started).toFixed(1)} ms (${model.blocks.length} blocks)`);

// CPU time is printed beside wall time: on a shared machine the wall clock also counts other processes.
async function time(format: ExportFormat): Promise<{ ms: number; cpu: number; bytes: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const body = await renderExport(format, model);
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpu: (used.user + used.system) / 1000, bytes: body.length };
}

for (const format of EXPORT_FORMATS) {
  const first = await time(format);
  const times: { ms: number; cpu: number }[] = [];
  for (let run = 0; run < runs; run++) times.push(await time(format));
  const median = times.sort((a, b) => a.ms - b.ms)[Math.floor(times.length / 2)] ?? first;
  out(`${format.padEnd(4)}: first ${first.ms.toFixed(0)} ms, median of ${runs} ${median.ms.toFixed(0)} ms wall / ${median.cpu.toFixed(0)} ms CPU, ${(first.bytes / 1024).toFixed(0)} KiB`);
}

started = performance.now();
const bulkCpu = process.cpuUsage();
for (let team = 0; team < 9; team++) {
  const teamModel = toExportModel(doc, { ...CRAFTED_META, teamName: `Team ${team + 1}` }, builtinTemplate, { includeGuidance: true });
  for (const format of ['docx', 'pdf'] as const) await renderExport(format, teamModel);
}
const bulkUsed = process.cpuUsage(bulkCpu);
out(`nine teams, docx + pdf: ${((performance.now() - started) / 1000).toFixed(1)} s wall / ${((bulkUsed.user + bulkUsed.system) / 1e6).toFixed(1)} s CPU`);
