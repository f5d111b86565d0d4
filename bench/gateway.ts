/**
 * Gateway load run (issue 8): 300 concurrent chat streams for a minute through the production
 * server, 10% of them with an injected upstream fault, then the database is checked: every request
 * that was accepted has exactly its question and one answer stored, no message is lost or
 * duplicated, and the audit log has one row per request. Run: `npm run build && npm run bench:gateway`
 * (PostgreSQL on 127.0.0.1:5432; see bench/README.md). Not a test; not in CI.
 *
 * The app runs in offline mode (its built-in simulator, the same code as `npm run simulator`) so
 * that each request can carry its own `X-Simulator-Fault`; the upstream seam — signed fetch,
 * retries, breaker, timeouts — is the same one a real upstream goes through.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { benchSession } from './session';

const PORT = Number(process.env.BENCH_PORT ?? 3205);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 300);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 60_000);
const FAULT_RATE = 0.1;
const ADMIN_URL = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `studio_bench_gateway_${Date.now().toString(36)}`;
const base = `http://127.0.0.1:${PORT}`;

/** The injected faults, drawn uniformly for the 10%: what the gateway should make of each. */
const faults = [
  { name: '503 once (retried)', header: (key: string) => `status=503;times=1;key=${key}` },
  { name: '429 Retry-After 1 s (retried)', header: (key: string) => `status=429;retry-after=1;times=1;key=${key}` },
  { name: '500 twice (retried)', header: (key: string) => `status=500;times=2;key=${key}` },
  {
    name: 'keep-alives past first-content timeout (retried)',
    header: (key: string) => `keepalive=6x1000;times=1;key=${key}`,
  },
  { name: 'connection drop mid-stream (interrupted)', header: () => 'drop-after=12' },
  { name: '400 (not retried)', header: () => 'status=400' },
  { name: '503 persistent (fails after retries)', header: () => 'status=503' },
] as const;

type Outcome = 'complete' | 'failed_cleanly' | 'interrupted' | 'broken';

interface Result {
  fault: string;
  outcome: Outcome;
  httpStatus: number;
  conversationId?: string;
  requestId?: string;
  errorCode?: string;
}

async function oneTurn(cookie: string, index: number): Promise<Result> {
  const faulty = Math.random() < FAULT_RATE;
  const spec = faulty ? faults[Math.floor(Math.random() * faults.length)]! : undefined;
  const key = `b${index}x${Math.random().toString(36).slice(2, 10)}`;
  const fault = spec ? `${spec.header(key)};chunks=30` : 'chunks=30';
  try {
    const response = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-simulator-fault': fault },
      body: JSON.stringify({
        message: { id: `m${key}`, role: 'user', parts: [{ type: 'text', text: `Load question ${index}` }] },
        model: 'deepseek-flash',
        params: { thinking: false },
      }),
    });
    const seen = {
      fault: spec?.name ?? 'none',
      httpStatus: response.status,
      conversationId: response.headers.get('x-conversation-id') ?? undefined,
      requestId: response.headers.get('x-request-id') ?? undefined,
    };
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
      return { ...seen, outcome: body?.error?.code ? 'failed_cleanly' : 'broken', errorCode: body?.error?.code };
    }
    const text = await response.text();
    const sawDone = text.includes('data: [DONE]');
    const error = /"type":"error","errorText":"(.*?)"}/.exec(text)?.[1];
    const errorCode = error ? /\\"code\\":\\"([\w:]+)\\"/.exec(error)?.[1] : undefined;
    if (!sawDone) return { ...seen, outcome: 'broken' };
    if (!errorCode) return { ...seen, outcome: 'complete' };
    const partial = text.includes('"type":"text-delta"');
    return { ...seen, outcome: partial ? 'interrupted' : 'failed_cleanly', errorCode };
  } catch {
    return { fault: spec?.name ?? 'none', outcome: 'broken', httpStatus: 0 };
  }
}

async function waitFor(url: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

async function main() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${DB_NAME}`);
  const databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
  // `next start` itself, not through npm: killing npm would leave the server running.
  const next = 'node_modules/next/dist/bin/next';
  const app = spawn(
    'node',
    ['--experimental-async-context-frame', next, 'start', '-p', String(PORT), '-H', '127.0.0.1'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        DEEPSEEK_SIMULATOR: 'true',
        SIMULATOR_CHUNK_DELAY_MS: '30',
        DATABASE_URL: databaseUrl,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'studio-bench-gw-')),
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        AUTH_GENERATE_SECRET: 'true',
        AUTH_SECURE_COOKIES: 'false',
        UPSTREAM_FIRST_CONTENT_TIMEOUT_MS: '4000',
        UPSTREAM_RETRY_BASE_DELAY_MS: '200',
      },
    },
  );
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    await waitFor(`${base}/api/health`);
    const cookie = await benchSession(base);
    await db.connect();
    // One account drives the whole load: lift its quotas (the first account is the admin).
    await db.query(
      `update users set limit_overrides = '{"requestsPerMinute":null,"requestsPerDay":null,"tokensPerDay":null,"concurrentStreams":null}'`,
    );
    const results: Result[] = [];
    const deadline = Date.now() + DURATION_MS;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < deadline) results.push(await oneTurn(cookie, next++));
      }),
    );
    const wallS = (performance.now() - started) / 1000;
    // Answers are saved as each stream ends; give the last ones a moment.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    report(results, wallS);
    await verify(db, results);
  } finally {
    app.kill();
    await db.end().catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    if (!process.env.BENCH_KEEP_DB) await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end();
  }
}

function report(results: Result[], wallS: number) {
  const count = (predicate: (result: Result) => boolean) => results.filter(predicate).length;
  process.stdout.write(`\n${results.length} requests in ${wallS.toFixed(1)} s (${CONCURRENCY} concurrent)\n\n`);
  process.stdout.write(
    '| injected fault | requests | complete | failed cleanly | interrupted (kept) | broken |\n|---|---|---|---|---|---|\n',
  );
  for (const name of ['none', ...faults.map((fault) => fault.name)]) {
    const of = results.filter((result) => result.fault === name);
    const by = (outcome: Outcome) => of.filter((result) => result.outcome === outcome).length;
    process.stdout.write(
      `| ${name} | ${of.length} | ${by('complete')} | ${by('failed_cleanly')} | ${by('interrupted')} | ${by('broken')} |\n`,
    );
  }
  process.stdout.write(
    `| **all** | ${results.length} | ${count((r) => r.outcome === 'complete')} | ${count((r) => r.outcome === 'failed_cleanly')} | ${count((r) => r.outcome === 'interrupted')} | ${count((r) => r.outcome === 'broken')} |\n`,
  );
  const codes = new Map<string, number>();
  for (const result of results)
    if (result.errorCode) codes.set(result.errorCode, (codes.get(result.errorCode) ?? 0) + 1);
  process.stdout.write(`\nerror codes seen: ${JSON.stringify(Object.fromEntries(codes))}\n`);
}

async function verify(db: pg.Client, results: Result[]) {
  const streamed = results.filter((result) => result.httpStatus === 200 && result.conversationId);
  const ids = streamed.map((result) => result.conversationId!);
  const rows = await db.query<{ conversation_id: string; role: string; status: string | null; n: string }>(
    `select conversation_id, role, status, count(*) as n from messages where conversation_id = any($1) group by 1, 2, 3`,
    [ids],
  );
  const byConversation = new Map<string, { user: number; assistant: number; status?: string }>();
  for (const row of rows.rows) {
    const entry = byConversation.get(row.conversation_id) ?? { user: 0, assistant: 0 };
    if (row.role === 'user') entry.user += Number(row.n);
    if (row.role === 'assistant') {
      entry.assistant += Number(row.n);
      entry.status = row.status ?? undefined;
    }
    byConversation.set(row.conversation_id, entry);
  }
  let lost = 0;
  let duplicated = 0;
  let statusMismatch = 0;
  for (const result of streamed) {
    const entry = byConversation.get(result.conversationId!);
    if (!entry || entry.user < 1 || entry.assistant < 1) lost++;
    else if (entry.user > 1 || entry.assistant > 1) duplicated++;
    else {
      const expected =
        result.outcome === 'complete' ? 'complete' : result.outcome === 'interrupted' ? 'interrupted' : 'error';
      if (result.outcome !== 'broken' && entry.status !== expected) statusMismatch++;
    }
  }
  const totalMessages = await db.query<{ n: string }>('select count(*) as n from messages');
  const duplicateIds = await db.query<{ n: string }>('select count(*) - count(distinct id) as n from messages');
  const audit = await db.query<{ status: string; retried: string; n: string; retries: string }>(
    `select status, (retries > 0) as retried, count(*) as n, sum(retries) as retries from audit_events group by 1, 2 order by 1, 2`,
  );
  const auditTotal = audit.rows.reduce((sum, row) => sum + Number(row.n), 0);
  const retriedRequests = audit.rows
    .filter((row) => String(row.retried) === 'true')
    .reduce((s, r) => s + Number(r.n), 0);
  const retriesTotal = audit.rows.reduce((sum, row) => sum + Number(row.retries ?? 0), 0);
  process.stdout.write(
    `\ndatabase: ${streamed.length} streamed requests → ${byConversation.size} conversations; ` +
      `${totalMessages.rows[0]?.n} messages; lost ${lost}, duplicated ${duplicated}, duplicate ids ${duplicateIds.rows[0]?.n}, ` +
      `status different from what the client saw ${statusMismatch}\n`,
  );
  process.stdout.write(
    `audit: ${auditTotal} rows for ${results.length} requests; ${retriedRequests} requests retried (${retriesTotal} retries)\n`,
  );
  for (const row of audit.rows) process.stdout.write(`  ${row.status} retried=${row.retried}: ${row.n}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
