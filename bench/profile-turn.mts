// In-process profile of the chat turn (no Next server): TTFT and stream time through the route handler.
// Run: NODE_OPTIONS=--conditions=react-server [FAULT=chunks=50] npx tsx bench/profile-turn.mts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'prof-'));
process.env.LOG_LEVEL = 'warn';
process.env.SIMULATOR_CHUNK_DELAY_MS = '0';
process.env.AUTH_SECRET ??= 'profile-only-session-secret-0123456789';
const { POST } = await import('../app/api/chat/route.ts');
// Every route needs a session: one user, one session row, its cookie on each request.
const { getDb } = await import('../lib/db/client.ts');
const { createGuest } = await import('../lib/db/queries/users.ts');
const { createSession } = await import('../lib/db/queries/sessions.ts');
const { encodeSessionToken, sessionCookieName } = await import('../lib/auth/session-token.ts');
const db = await getDb();
const user = await createGuest(db);
await db.update((await import('../lib/db/schema/index.ts')).users).set({ role: 'admin' });
const session = await createSession(db, user.id, new Date(Date.now() + 3_600_000));
const cookie = `${sessionCookieName()}=${await encodeSessionToken({ sub: user.id, sid: session.id })}`;
const fault = process.env.FAULT ?? 'chunks=50;chunk-delay=0';
async function one(i: number) {
  const start = performance.now();
  const res = await POST(
    new Request('http://x/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-simulator-fault': fault, cookie },
      body: JSON.stringify({
        message: { id: `m${i}`, role: 'user', parts: [{ type: 'text', text: 'hi' }] },
        model: 'deepseek-flash',
        params: { thinking: false },
      }),
    }),
  );
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let first = 0;
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const s = dec.decode(value);
    if (s.includes('text-delta')) {
      n++;
      if (!first) first = performance.now() - start;
    }
  }
  return { first, total: performance.now() - start, n };
}
for (let i = 0; i < Number(process.env.WARM ?? 20); i++) await one(i);
const rs = [];
for (let i = 1000; i < 1000 + Number(process.env.N ?? 200); i++) rs.push(await one(i));
const p = (a: number[], q: number) => a.sort((x, y) => x - y)[Math.floor(q * a.length)];
const ttft = p(
  rs.map((r) => r.first),
  0.5,
).toFixed(2);
const total = p(
  rs.map((r) => r.total),
  0.5,
).toFixed(2);
process.stdout.write(`ttft p50 ${ttft} ms, total p50 ${total} ms, ${rs[0].n} chunks\n`);
