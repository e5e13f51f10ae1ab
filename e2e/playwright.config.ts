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
  // Two cores: each worker drives two browser contexts and a server process of its own.
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // No retries: a real-time sync test that passes only on a second try has found a race to fix.
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
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
