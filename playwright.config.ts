import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);

/** End-to-end tests drive the production build in Debian's Chromium (never a downloaded browser). */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /\.setup\.ts$/ },
    {
      name: 'desktop',
      // Signed in as the setup's user; specs about signing in start from an empty state themselves.
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        storageState: 'tmp/e2e-auth/user.json',
      },
      dependencies: ['setup'],
    },
  ],
  webServer: {
    command: `npm run serve -- -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATA_DIR: process.env.E2E_DATA_DIR ?? './tmp/e2e-data',
      SIMULATOR_CHUNK_DELAY_MS: process.env.SIMULATOR_CHUNK_DELAY_MS ?? '8',
      NEXT_TELEMETRY_DISABLED: '1',
      // The setup's account (tests/e2e/session.ts): an admin even on a data dir used before.
      ADMIN_EMAILS: 'e2e-admin@example.test',
      AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? 'e2e-only-session-secret-0123456789abcdef',
      // The test server speaks plain HTTP.
      AUTH_SECURE_COOKIES: 'false',
    },
  },
});
