import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportFormats, exportFormatSchema, roleSchema } from '@lcs/shared';
import type { Role } from '@lcs/shared';
import { newId } from './auth/tokens.ts';
import { ConfigError, loadConfig } from './config.ts';
import { seedDemoWorkshop } from './demo.ts';
import { issueInvitation } from './http/invitationsRouter.ts';
import { openStorage } from './storage/createStorage.ts';
import type { Storage } from './storage/storage.ts';
import { exportWorkshopFiles } from './strategy/strategyExport.ts';

const usage = `Operator commands (they work on the same DATA_DIR as the server, which may be running):

  pnpm cli list-workshops
  pnpm cli create-workshop --name "Empowering Cities" --place "Shanghai" --starts 2024-10-21 --ends 2024-10-25
                           [--online-starts 2024-09-01 --online-ends 2024-11-30]
  pnpm cli create-team --workshop <id> --country Kenya --cities "Nairobi,Mombasa"
  pnpm cli invite --role facilitator|member|expert|observer [--workshop <id>] [--team <id>] [--hours 168] [--uses 30]
  pnpm cli list-people [--workshop <id>]
  pnpm cli revoke --person <id>
  pnpm cli demo                      creates a demo workshop with nine country teams
  pnpm cli export --workshop <id> --format docx,pdf[,md,html] --out <dir> [--guidance] [--comments]
                                     every team's strategies, one folder per country team
`;

const out = (line: string) => process.stdout.write(`${line}\n`);

/** `[#########.........]  9/18` */
function progressBar(done: number, total: number, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(done).padStart(String(total).length)}/${total}`;
}

class UsageError extends Error {}

function need(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`missing --${name}`);
  return v;
}

const opt = (values: Record<string, string | boolean | undefined>, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};

async function run(command: string | undefined, values: Record<string, string | boolean | undefined>, storage: Storage, publicUrl: string): Promise<void> {
  const { directory } = storage;
  switch (command) {
    case 'list-workshops':
      for (const w of await directory.listWorkshops()) out(`${w.id}  ${w.name}  (${w.place}, ${w.startsOn} – ${w.endsOn})`);
      return;
    case 'create-workshop': {
      const w = await directory.createWorkshop({
        id: newId(),
        name: need(values, 'name'),
        place: opt(values, 'place') ?? '',
        startsOn: need(values, 'starts'),
        endsOn: need(values, 'ends'),
        onlineStartsOn: opt(values, 'online-starts') ?? null,
        onlineEndsOn: opt(values, 'online-ends') ?? null,
      });
      out(`workshop ${w.id} created: ${w.name}`);
      return;
    }
    case 'create-team': {
      const workshopId = need(values, 'workshop');
      if (!(await directory.getWorkshop(workshopId))) throw new UsageError(`no workshop ${workshopId}`);
      const cities = need(values, 'cities').split(',').map((c) => c.trim()).filter(Boolean);
      const t = await directory.createTeam({ id: newId(), workshopId, country: need(values, 'country'), cities });
      out(`team ${t.id} created: ${t.country} (${t.cities.join(', ')})`);
      return;
    }
    case 'invite': {
      const role = roleSchema.safeParse(opt(values, 'role'));
      if (!role.success) throw new UsageError('--role must be facilitator, member, expert or observer');
      const workshopId = role.data === 'facilitator' ? null : need(values, 'workshop');
      const teamId = opt(values, 'team') ?? null;
      if (workshopId && !(await directory.getWorkshop(workshopId))) throw new UsageError(`no workshop ${workshopId}`);
      if ((role.data === 'member' || role.data === 'expert') && !teamId) throw new UsageError(`--team is required for ${role.data === 'expert' ? 'an expert' : 'a member'}`);
      if (teamId && (await directory.getTeam(teamId))?.workshopId !== workshopId) throw new UsageError(`team ${teamId} is not in workshop ${workshopId}`);
      const { url } = await issueInvitation(directory, publicUrl, {
        role: role.data as Role,
        workshopId,
        teamId,
        expiresInHours: Number(opt(values, 'hours') ?? 168),
        maxUses: Number(opt(values, 'uses') ?? (role.data === 'facilitator' ? 1 : 30)),
        createdBy: null,
      });
      out(url);
      return;
    }
    case 'list-people':
      for (const p of await directory.listPeople(opt(values, 'workshop'))) {
        out(`${p.id}  ${p.role.padEnd(11)} ${p.displayName}${p.teamIds.length ? `  teams: ${p.teamIds.join(', ')}` : ''}${p.revokedAt ? '  (revoked)' : ''}`);
      }
      return;
    case 'revoke': {
      const id = need(values, 'person');
      if (!(await directory.getPerson(id))) throw new UsageError(`no person ${id}`);
      await directory.revokePerson(id, new Date());
      out(`revoked ${id}; open connections close within 15 seconds`);
      return;
    }
    case 'demo': {
      const { workshop, teams } = await seedDemoWorkshop(storage);
      out(`demo workshop ${workshop.id} created with ${teams.length} teams`);
      for (const t of teams) out(`  ${t.id}  ${t.country} (${t.cities.join(', ')})`);
      return;
    }
    case 'export': {
      const workshopId = need(values, 'workshop');
      if (!(await directory.getWorkshop(workshopId))) throw new UsageError(`no workshop ${workshopId}`);
      const formats = need(values, 'format').split(',').map((f) => f.trim());
      const parsed = exportFormatSchema.array().min(1).safeParse(formats);
      if (!parsed.success) throw new UsageError(`--format takes ${exportFormats.join(', ')} (comma-separated)`);
      const outDir = path.resolve(need(values, 'out'));
      const names = await exportWorkshopFiles(
        storage,
        undefined,
        workshopId,
        parsed.data,
        { includeGuidance: values.guidance === true, includeComments: values.comments === true },
        (p) => process.stderr.write(`\r${progressBar(p.done, p.total)} ${p.current.slice(0, 60).padEnd(60)}`),
        async (name, body) => {
          await fs.mkdir(path.dirname(path.join(outDir, name)), { recursive: true });
          await fs.writeFile(path.join(outDir, name), body);
        },
        (folder) => fs.mkdir(path.join(outDir, folder), { recursive: true }),
      );
      process.stderr.write('\n');
      out(`${names.length} files written to ${outDir}`);
      return;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'no command given');
  }
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      ...Object.fromEntries(
        ['name', 'place', 'starts', 'ends', 'online-starts', 'online-ends', 'workshop', 'country', 'cities', 'role', 'team', 'hours', 'uses', 'person', 'format', 'out'].map((n) => [
          n,
          { type: 'string' as const },
        ]),
      ),
      guidance: { type: 'boolean' as const },
      comments: { type: 'boolean' as const },
    },
  });
  const config = loadConfig();
  const storage = await openStorage(config);
  try {
    await run(positionals[0], values, storage, config.PUBLIC_URL);
  } finally {
    await storage.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) process.stderr.write(`error: ${err.message}\n\n${usage}`);
  else if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`error: ${(err as Error).message}\n`);
  process.exit(2);
});
