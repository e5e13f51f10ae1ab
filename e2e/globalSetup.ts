import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumInstallHint, chromiumPath } from './fixtures/chromium.ts';
import { clientDistEnv, repoPaths } from './fixtures/repoPaths.ts';

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasAptGet(): boolean {
  return ['/usr/bin/apt-get', '/bin/apt-get'].some(isExecutable);
}

/**
 * Makes sure Debian's Chromium is there. On a fresh CI machine (root, apt) it installs it, because
 * Playwright cannot download its own browsers here; anywhere else it says how to install it.
 */
function ensureChromium(): void {
  if (isExecutable(chromiumPath)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !hasAptGet()) {
    throw new Error(`Chromium is missing: the e2e tests drive ${chromiumPath}. Install it with:\n  ${chromiumInstallHint}`);
  }
  console.log(`[e2e] ${chromiumPath} is missing; installing it with apt-get (takes a minute)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
  if (!isExecutable(chromiumPath)) {
    throw new Error(`apt-get installed chromium but ${chromiumPath} is still missing. Install it with:\n  ${chromiumInstallHint}`);
  }
}

/**
 * The server serves the built client; without it every page is a 503. The servers of this run get
 * a copy, so that a rebuild meanwhile (`vite build` empties dist/ first) cannot break a test.
 * Returns the copy's folder.
 */
function snapshotClientBuild(): string {
  const index = path.join(repoPaths.clientDist, 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(`The client is not built (no ${index}). Run \`pnpm test:e2e\` from the repository root, which builds it first, or \`pnpm build\`.`);
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-e2e-client-'));
  fs.cpSync(repoPaths.clientDist, copy, { recursive: true });
  return copy;
}

export default function globalSetup(): () => void {
  ensureChromium();
  const clientDist = snapshotClientBuild();
  // Environment set here reaches the test workers.
  process.env[clientDistEnv] = clientDist;
  return () => fs.rmSync(clientDist, { recursive: true, force: true });
}
