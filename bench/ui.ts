/**
 * UI benchmark (issue "Long conversations stay fast"): production build, headless Chromium.
 * Seeds a 1,000-message conversation through the app's own database code, starts `next start`
 * (offline simulator) on BENCH_UI_PORT (default 3206) and measures: opening it, scrolling it, an
 * answer streaming into it (long tasks, long animation frames, keystroke → paint), code-block
 * highlighting, first-load JS per route and tab memory over 50 answers. Prints a table.
 * Run: `npm run build && npm run bench:ui [-- --only=open,scroll,stream,bundle,memory]`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { routeSizes } from './ui/bundle';
import { firstMarker, lastMarker } from './ui/conversation';
import { keystrokeFloor } from './ui/keystroke-floor';
import { type BenchWindow, installProbes, scrollSweep, watchCodeBlocks } from './ui/probes';

const port = Number(process.env.BENCH_UI_PORT ?? 3206);
const base = `http://127.0.0.1:${port}`;
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wants = (name: string) => !only || only.includes(name);
const dataDir = mkdtempSync(join(tmpdir(), 'bench-ui-'));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  AUTH_SECRET: 'bench-ui-only-session-secret-0123456789abcdef',
  AUTH_SECURE_COOKIES: 'false',
  LOG_LEVEL: 'warn',
  NEXT_TELEMETRY_DISABLED: '1',
};
const rows: [string, string, string][] = [];
const row = (metric: string, value: string, target = '') => {
  rows.push([metric, value, target]);
  process.stderr.write(`  ${metric}: ${value}\n`);
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function seed(): { cookie: { name: string; value: string }; conversationId: string } {
  const out = execFileSync('tsx', ['bench/ui/seed.mts'], {
    env: { ...env, NODE_OPTIONS: '--conditions=react-server' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

async function startApp(): Promise<ChildProcess> {
  const app = spawn('npm', ['run', '-s', 'serve', '--', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...env, SIMULATOR_CHUNK_DELAY_MS: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return app;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the app did not come up');
}

const bench = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__bench);

async function sendWithFault(page: Page, text: string, fault: string) {
  await page.route('**/api/chat', (route) =>
    route.continue({ headers: { ...route.request().headers(), 'x-simulator-fault': fault } }),
  );
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
  await page.getByTestId('stop-button').waitFor({ timeout: 10_000 });
}

async function waitForAnswer(page: Page, timeout = 120_000) {
  await page.getByTestId('send-button').waitFor({ timeout });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="chat-view"]')?.getAttribute('data-status') === 'ready',
  );
}

async function measureOpen(context: BrowserContext, path: string) {
  const times: number[] = [];
  for (let run = 0; run < 4; run++) {
    const page = await context.newPage();
    await page.goto(path);
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.readyAt !== undefined, null, {
      timeout: 60_000,
    });
    const result = await bench(page);
    times.push(result.readyAt ?? Number.NaN);
    if (run === 3) {
      const longest = Math.max(0, ...result.longTasks.map((task) => task.duration));
      row('open: longest task while opening', ms(longest));
      const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      row('open: DOM elements on the page', String(nodes));
    }
    await page.close();
  }
  row('open 1,000 messages → latest visible + composer ready (cold)', ms(times[0] ?? Number.NaN), '< 1,000 ms');
  row('open … (warm, median of 3)', ms(median(times.slice(1))), '< 1,000 ms');
}

async function measureScroll(context: BrowserContext, path: string) {
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.readyAt !== undefined);
  const before = (await bench(page)).frames.length;
  const sweep = await page.evaluate(scrollSweep, firstMarker);
  const frames = (await bench(page)).frames.slice(before);
  row('scroll to top: first message shown', sweep.firstVisible ? 'yes' : 'NO');
  row(
    'scroll top ↔ bottom: largest blank stretch',
    `${sweep.maxBlankUp.toFixed(0)} / ${sweep.maxBlankDown.toFixed(0)} px`,
    '0',
  );
  row('scroll: steps, time per step (2 frames + render)', `${sweep.steps}, ${sweep.msPerStep.toFixed(1)} ms`);
  row(
    'scroll: frames > 50 ms, longest frame',
    `${frames.length}, ${ms(Math.max(0, ...frames.map((f) => f.duration)))}`,
  );
  await page.close();
}

const typedText = 'the quick brown fox jumps over the lazy dog '.repeat(3);

async function measureStream(context: BrowserContext, path: string) {
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.readyAt !== undefined);
  await page.waitForTimeout(1500);
  await page.evaluate(watchCodeBlocks);
  const mark = await page.evaluate(() => performance.now());
  // ~2,000 tokens, one a chunk, 10 ms apart: about 100 tokens per second.
  await sendWithFault(page, 'Stream a long answer with code please', 'chunks=2000;chunk-delay=10');
  const started = Date.now();
  await page.getByTestId('composer-input').focus();
  const typing = page.keyboard.type(typedText, { delay: 120 });
  await waitForAnswer(page);
  await typing;
  const seconds = (Date.now() - started) / 1000;
  const result = await bench(page);
  // Only tasks that started after the page had opened and settled (buffered entries include hydration).
  const tasks = result.longTasks.filter((task) => task.at > mark).map((task) => task.duration);
  const openTasks = result.longTasks.filter((task) => task.at <= mark).map((task) => task.duration);
  const frames = result.frames.filter((frame) => frame.at > mark);
  const keys = result.events.filter(
    (event) => event.name === 'keydown' || event.name === 'keypress' || event.name === 'input',
  );
  // A keystroke's keydown entry runs from the key press to the frame that shows its character.
  // Event Timing rounds to 8 ms, so one 60 Hz frame (16.7 ms) reads as 16; 24 or more is a later frame.
  const slowKeys = result.events.filter((event) => event.name === 'keydown' && event.at > mark && event.duration >= 24);
  const typed = await page.getByTestId('composer-input').inputValue();
  row('stream 2,000 tokens: duration', `${seconds.toFixed(1)} s`);
  row('stream: long tasks > 50 ms (count, longest)', `${tasks.length}, ${ms(Math.max(0, ...tasks))}`, '0');
  row(
    'stream: (not counted) long tasks before it, while opening',
    `${openTasks.length}, ${ms(Math.max(0, ...openTasks))}`,
  );
  row(
    'stream: long animation frames > 50 ms (count, longest, total blocking)',
    `${frames.length}, ${ms(Math.max(0, ...frames.map((f) => f.duration)))}, ${ms(frames.reduce((sum, f) => sum + f.blocking, 0))}`,
    '0',
  );
  row(
    'stream: keystrokes typed / events ≥ 16 ms, slowest',
    `${typed.length} / ${keys.length}, ${ms(Math.max(0, ...keys.map((k) => k.duration)))}`,
    '≤ 16 ms',
  );
  row(
    'stream: keystrokes shown later than the next frame (keydown ≥ 24 ms), slowest',
    `${slowKeys.length} of ${typed.length}, ${ms(Math.max(0, ...slowKeys.map((k) => k.duration)))}`,
    '0',
  );
  const inputFrames = result.inputFrames.filter((frame) => frame.at > mark).map((frame) => frame.ms);
  const oneFrame = 1000 / 60;
  row(
    "stream: keystrokes whose frame finished on the main thread more than a frame later (the app's share), slowest",
    `${inputFrames.filter((value) => value > oneFrame).length} of ${inputFrames.length}, ${ms(Math.max(0, ...inputFrames))}`,
    '0',
  );
  const floor = await keystrokeFloor(context, typedText, 120);
  row(
    'stream: control — bare page appending text every 50 ms: keystrokes later than the next frame, slowest',
    `${floor.late} of ${floor.keys}, ${ms(floor.slowest)}`,
  );
  row(
    'stream: control — the same page: keystrokes whose frame finished on the main thread more than a frame later',
    `${floor.lateFrames} of ${floor.keys}, ${ms(floor.slowestFrame)}`,
  );
  // Where the slowest frames' time went (long-animation-frame script attribution; chunk names).
  for (const frame of [...frames].sort((a, b) => b.duration - a.duration).slice(0, 3)) {
    process.stderr.write(
      `    frame ${ms(frame.duration)} at ${ms(frame.at - mark)}: ${frame.scripts.join('; ') || 'no script'}\n`,
    );
  }
  row('stream: open code blocks shown highlighted (progressive)', String(result.streamingHighlighted), '> 0');
  row('stream: finished code blocks changed again', String(result.rehighlights), '0');
  await page.close();
}

async function measureMemory(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto('/');
  await page.getByTestId('model-picker').waitFor();
  // The model picker is server-rendered: give the page time to hydrate before pressing Enter.
  await page.waitForTimeout(1500);
  const samples: string[] = [];
  for (let answer = 1; answer <= 50; answer++) {
    await sendWithFault(page, `Long answer number ${answer}`, 'chunks=1000;chunk-delay=1');
    await waitForAnswer(page);
    if (answer === 1 || answer % 10 === 0) {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      samples.push(`${answer}: ${(metric('JSHeapUsedSize') / 1048576).toFixed(1)} MB/${metric('Nodes')}`);
    }
  }
  row('memory after n answers (JS heap after GC / DOM nodes)', samples.join(', '), 'bounded');
  await page.close();
}

async function main() {
  process.stderr.write(`seeding ${dataDir}\n`);
  const { cookie, conversationId } = seed();
  const app = await startApp();
  const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ ...cookie, domain: '127.0.0.1', path: '/' }]);
    // tsx (esbuild keepNames) wraps named functions in `__name(…)`; serialised probes need it too.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await context.addInitScript(installProbes, lastMarker);
    const path = `/c/${conversationId}`;
    // Warm the server (first requests compile nothing in production, but fill caches).
    await (await fetch(`${base}${path}`, { headers: { cookie: `${cookie.name}=${cookie.value}` } })).text();
    if (wants('bundle')) {
      const sizes = await routeSizes(base, `${cookie.name}=${cookie.value}`, ['/', path, '/usage', '/admin']);
      for (const size of sizes) {
        const route = size.route === path ? '/c/[id]' : size.route;
        const target = route === '/c/[id]' || route === '/' ? '≤ 200 KB' : '';
        row(
          `first-load JS ${route} (gzip; raw; scripts)`,
          `${size.gzipKb.toFixed(1)} KB; ${size.rawKb.toFixed(0)} KB; ${size.scripts}${size.heavy.length ? `; contains ${size.heavy.join(', ')}` : ''}`,
          target,
        );
      }
      const [login] = await routeSizes(base, '', ['/login']);
      if (login)
        row(
          'first-load JS /login (gzip; raw; scripts)',
          `${login.gzipKb.toFixed(1)} KB; ${login.rawKb.toFixed(0)} KB; ${login.scripts}`,
        );
    }
    if (wants('open')) await measureOpen(context, path);
    if (wants('scroll')) await measureScroll(context, path);
    if (wants('stream')) await measureStream(context, path);
    if (wants('memory')) await measureMemory(context);
    const width = Math.max(...rows.map(([metric]) => metric.length));
    const valueWidth = Math.max(...rows.map(([, value]) => value.length));
    process.stdout.write(`\n${chromiumVersion}, ${new Date().toISOString()}\n`);
    for (const [metric, value, target] of rows) {
      process.stdout.write(`${metric.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target}\n`);
    }
  } finally {
    await browser.close();
    if (app.pid) process.kill(-app.pid, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
