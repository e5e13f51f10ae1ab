import { exportFileName } from '../export/exportFileName.ts';
import type { ExportComment, ExportedFile, ExportFormat } from '../export/index.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { Storage } from '../storage/storage.ts';
import type { StrategySnapshot } from './strategySnapshot.ts';
import { readStrategy } from './strategySnapshot.ts';

/** What a person chooses in the Export menu. */
export interface StrategyExportOptions {
  includeGuidance: boolean;
  /** Open comment threads and pending suggestions as an annex. */
  includeComments: boolean;
}

/** Open threads and pending suggestions, as the export's comments annex prints them. */
export function openComments(snapshot: StrategySnapshot): ExportComment[] {
  return snapshot.threads
    .filter((t) => !t.resolved && (t.suggestion === null || t.suggestion.status === 'pending'))
    .map((t) => {
      const [first, ...rest] = t.comments.filter((c) => !c.deleted);
      const proposal = t.suggestion ? `Suggests: “${t.suggestion.replacement}”` : '';
      return {
        quote: t.quote,
        author: t.authorName,
        body: [proposal, first?.body ?? ''].filter(Boolean).join(' — '),
        replies: rest.map((c) => ({ author: c.authorName, body: c.body })),
      };
    });
}

const today = () => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * The export engine (DOCX and PDF writers, fonts) is most of the server's code by memory: it is
 * loaded on the first export, not at boot, so a process that never exports does not carry it.
 */
const loadEngine = () => import('../export/exportStrategy.ts');

/** Exports one strategy snapshot in the given formats. */
export async function exportSnapshot(snapshot: StrategySnapshot, formats: readonly ExportFormat[], options: StrategyExportOptions): Promise<ExportedFile[]> {
  const { exportStrategy } = await loadEngine();
  return exportStrategy(
    formats,
    snapshot.content,
    {
      title: snapshot.record.title,
      city: snapshot.city,
      country: snapshot.country,
      teamName: snapshot.country,
      workshopName: snapshot.workshopName,
      date: today(),
      status: snapshot.status,
    },
    snapshot.template,
    { includeGuidance: options.includeGuidance, includeAnnex: true, ...(options.includeComments ? { comments: openComments(snapshot) } : {}) },
  );
}

export interface BulkProgress {
  done: number;
  total: number;
  current: string;
}

/**
 * Every strategy of a workshop in the chosen formats, as one ZIP with a folder per country team.
 * Strategies are read and rendered one at a time so memory stays flat; `onProgress` is called after
 * each file.
 */
export async function exportWorkshopZip(
  storage: Storage,
  registry: DocumentRegistry | undefined,
  workshopId: string,
  formats: readonly ExportFormat[],
  options: StrategyExportOptions,
  onProgress: (p: BulkProgress) => void = () => {},
): Promise<{ zip: Buffer; files: string[] }> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const names = await exportWorkshopFiles(storage, registry, workshopId, formats, options, onProgress, (name, body) => zip.file(name, body), (folder) => zip.folder(folder));
  return { zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }), files: names };
}

/**
 * The files of a workshop export, handed one by one to `write` as `<team folder>/<file name>`
 * (a ZIP entry, or a file on disk for the CLI). Returns the names written.
 */
export async function exportWorkshopFiles(
  storage: Storage,
  registry: DocumentRegistry | undefined,
  workshopId: string,
  formats: readonly ExportFormat[],
  options: StrategyExportOptions,
  onProgress: (p: BulkProgress) => void,
  write: (name: string, body: Buffer) => unknown,
  makeFolder: (name: string) => unknown,
): Promise<string[]> {
  const teams = await storage.directory.listTeams(workshopId);
  const documents = await storage.listDocuments();
  const work = teams.flatMap((team) => documents.filter((d) => d.teamId === team.id).map((doc) => ({ team, doc })));
  const names: string[] = [];
  const total = work.length * formats.length;
  let done = 0;
  for (const team of teams) {
    // Every team gets its folder, so a team that has not started is visible in the ZIP too.
    makeFolder(folderName(team.country, team.id));
  }
  for (const { team, doc } of work) {
    const snapshot = await readStrategy(storage, registry, doc);
    for (const format of formats) {
      const [file] = await exportSnapshot(snapshot, [format], options);
      const name = uniqueName(`${folderName(team.country, team.id)}/${file!.fileName}`, names);
      await write(name, file!.body);
      names.push(name);
      done += 1;
      onProgress({ done, total, current: `${team.country}: ${doc.title} (${format})` });
    }
  }
  return names;
}

/** A safe folder name for a country team (same rules as file names). */
function folderName(country: string, teamId: string): string {
  const name = exportFileName(country, '', '');
  return name === 'strategy' ? `team-${teamId}` : name;
}

function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  const dot = name.lastIndexOf('.');
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, dot)}-${i}${name.slice(dot)}`;
    if (!taken.includes(candidate)) return candidate;
  }
}
