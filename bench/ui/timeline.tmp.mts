import { chromium } from '@playwright/test';
import { installProbes } from './probes.ts';

const [cookieJson, path] = [process.argv[2] ?? '', process.argv[3] ?? ''];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ baseURL: 'http://127.0.0.1:3206', viewport: { width: 1280, height: 800 } });
await context.addCookies([{ ...JSON.parse(cookieJson), domain: '127.0.0.1', path: '/' }]);
await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
await context.addInitScript(installProbes, 'BENCH-LAST-MESSAGE');
for (let run = 0; run < 3; run++) {
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForFunction(() => (window as any).__bench.readyAt !== undefined, null, { timeout: 30000 });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) =>
      r.name.includes('/api/'),
    );
    return {
      ready: (window as any).__bench.readyAt,
      html: nav.responseEnd,
      dcl: nav.domContentLoadedEventEnd,
      api: res.map((r) => `${r.name.replace(/.*\/api/, '')} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`),
      scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.initiatorType === 'script')
        .reduce((m, r) => Math.max(m, r.responseEnd), 0),
      js: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.initiatorType === 'script')
        .map((r) => `${r.name.slice(-18)} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`),
      lt: (window as any).__bench.longTasks.map((d: number) => d.toFixed(0)).join(','),
    };
  });
  process.stdout.write(`${JSON.stringify(t)}\n`);
  await page.close();
}
await browser.close();
