/**
 * Chat proxy benchmark (issue "Chat that works end to end", Benchmark section).
 * Starts the standalone simulator, a bare pipe proxy (the floor) and the production app in online
 * mode against the simulator, then runs scenarios (a), (b), (c) through all three paths and prints
 * a table. Run: `npm run build && npm run bench` (see bench/README.md). Not a test; not in CI.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, runConcurrent, type StreamTiming, timedStream } from './client';
import { startPipeProxy } from './pipe-proxy';
import { benchSession } from './session';

const SIM_PORT = 18787;
const PIPE_PORT = 18788;
const APP_PORT = 18789;
const KEY = 'sk-bench-key-000000000000';
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7);

interface Scenario {
  name: string;
  requests: number;
  concurrency: number;
  fault: string;
}

const scenarios: Scenario[] = [
  { name: 'a', requests: 200, concurrency: 1, fault: 'chunks=50;chunk-delay=0' },
  { name: 'b', requests: 50, concurrency: 50, fault: 'chunks=200;chunk-delay=0' },
  { name: 'c', requests: 500, concurrency: 500, fault: 'chunks=100;chunk-delay=20' },
];

function startSimulator(defaultFault: string): ChildProcess {
  return spawn(
    'tsx',
    [
      'scripts/simulator.ts',
      '--port',
      String(SIM_PORT),
      '--auth',
      'bearer',
      '--api-key',
      KEY,
      '--default-fault',
      defaultFault,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

async function waitFor(url: string, init?: RequestInit): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      const response = await fetch(url, init);
      await response.body?.cancel();
      if (response.status < 500) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** Resident memory (MB) of whatever process listens on the app's port: the Next server itself. */
function rssMb(port: number): number {
  try {
    const line = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(line)?.[1];
    const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

const chatCompletion = (fault: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, 'x-simulator-fault': fault },
  body: JSON.stringify({
    model: 'deepseek-flash',
    messages: [{ role: 'user', content: 'Benchmark question' }],
    thinking: { type: 'disabled' },
    stream: true,
    stream_options: { include_usage: true },
  }),
});

/** The bench user's session cookie (set once the app is up). */
let sessionCookie = '';

const appChat = (index: number) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie: sessionCookie },
  body: JSON.stringify({
    message: { id: `bench${index}x${Date.now()}`, role: 'user', parts: [{ type: 'text', text: 'Benchmark question' }] },
    model: 'deepseek-flash',
    params: { thinking: false },
  }),
});

function summarize(label: string, results: StreamTiming[], wallMs: number) {
  const ok = results.filter((result) => result.ok);
  const chunks = ok.reduce((sum, result) => sum + result.chunks, 0);
  return {
    label,
    complete: `${ok.length}/${results.length}`,
    ttftP50: percentile(
      ok.map((r) => r.ttftMs),
      50,
    ),
    ttftP99: percentile(
      ok.map((r) => r.ttftMs),
      99,
    ),
    gapP99: percentile(
      ok.map((r) => r.maxGapMs),
      99,
    ),
    chunksPerSec: (chunks / wallMs) * 1000,
  };
}

async function runPath(label: string, scenario: Scenario, url: string, init: (index: number) => RequestInit) {
  const started = performance.now();
  const results = await runConcurrent(scenario.requests, scenario.concurrency, (index) =>
    timedStream(url, init(index)),
  );
  return summarize(label, results, performance.now() - started);
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'studio-bench-'));
  const app = spawn('npm', ['run', '-s', 'serve', '--', '-p', String(APP_PORT), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DEEPSEEK_API_KEY: KEY,
      DEEPSEEK_BASE_URL: `http://127.0.0.1:${SIM_PORT}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      AUTH_GENERATE_SECRET: 'true',
      AUTH_SECURE_COOKIES: 'false',
    },
  });
  const pipe = await startPipeProxy({ port: PIPE_PORT, target: new URL(`http://127.0.0.1:${SIM_PORT}`), apiKey: KEY });
  const rows: ReturnType<typeof summarize>[] = [];
  const notes: string[] = [];
  try {
    await waitFor(`http://127.0.0.1:${APP_PORT}/api/health`);
    sessionCookie = await benchSession(`http://127.0.0.1:${APP_PORT}`);
    for (const scenario of scenarios) {
      if (only && !only.split(',').includes(scenario.name)) continue;
      const simulator = startSimulator(scenario.fault);
      try {
        await waitFor(`http://127.0.0.1:${SIM_PORT}/models`, { headers: { authorization: `Bearer ${KEY}` } });
        // Warm both paths so JIT and first-request costs stay out of the numbers.
        await runConcurrent(10, 5, (index) => timedStream(`http://127.0.0.1:${APP_PORT}/api/chat`, appChat(index)));
        let peakRss = rssMb(APP_PORT);
        const sampler = setInterval(() => {
          peakRss = Math.max(peakRss, rssMb(APP_PORT));
        }, 100);
        const direct = await runPath(
          `${scenario.name}: simulator direct`,
          scenario,
          `http://127.0.0.1:${SIM_PORT}/chat/completions`,
          () => chatCompletion(scenario.fault),
        );
        const floor = await runPath(
          `${scenario.name}: pipe proxy (floor)`,
          scenario,
          `http://127.0.0.1:${PIPE_PORT}/chat/completions`,
          () => chatCompletion(scenario.fault),
        );
        const viaApp = await runPath(
          `${scenario.name}: app /api/chat`,
          scenario,
          `http://127.0.0.1:${APP_PORT}/api/chat`,
          appChat,
        );
        clearInterval(sampler);
        rows.push(direct, floor, viaApp);
        notes.push(
          `${scenario.name}: added TTFT p50 app ${(viaApp.ttftP50 - direct.ttftP50).toFixed(2)} ms, floor ${(floor.ttftP50 - direct.ttftP50).toFixed(2)} ms; ` +
            `added p99 app ${(viaApp.ttftP99 - direct.ttftP99).toFixed(2)} ms; chunks/s app/floor ${(viaApp.chunksPerSec / floor.chunksPerSec).toFixed(2)}×; ` +
            `gap p99 app/floor ${(viaApp.gapP99 / Math.max(floor.gapP99, 0.001)).toFixed(2)}×; app peak RSS ${peakRss.toFixed(0)} MB`,
        );
      } finally {
        simulator.kill();
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await pipe.close();
    app.kill();
  }
  const format = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '—');
  process.stdout.write(
    '\n| path | complete | TTFT p50 ms | TTFT p99 ms | max gap p99 ms | chunks/s |\n|---|---|---|---|---|---|\n',
  );
  for (const row of rows) {
    process.stdout.write(
      `| ${row.label} | ${row.complete} | ${format(row.ttftP50)} | ${format(row.ttftP99)} | ${format(row.gapP99)} | ${row.chunksPerSec.toFixed(0)} |\n`,
    );
  }
  process.stdout.write(`\n${notes.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
