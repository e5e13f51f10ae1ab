import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './fixtures/chromium.ts';

/**
 * End-to-end tests in Debian's Chromium against the real server, which the fixtures start per test
 * (see fixtures/ServerProcess.ts) — there is no `webServer` here because tests stop, crash and
 * restart it.
 */
export default defineConfig({
  testDir: 'tests',
  globalSetup: './globalSetup.ts',
  // One worker: each test drives two browser contexts and a server process of its own, which
  // already fills two cores; two workers on a slow two-core machine ran tests past their timeout
  // (load average 11) and took no less time in all.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // No retries: a real-time sync test that passes only on a second try has found a race to fix.
  retries: 0,
  reporter: 'list',
  // A guard against hangs, not a speed check: the slowest two-browser test takes ~30 s alone here.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs] },
    // Narrower than the 80rem where the comments panel becomes a margin: a laptop with a sidebar.
    viewport: { width: 1100, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
  },
});
