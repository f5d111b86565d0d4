import { timedStream } from './client.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:18789/api/chat';
const n = Number(process.argv[3] ?? 200);
const mk = (i: number) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    message: { id: `d${i}x${Date.now()}`, role: 'user', parts: [{ type: 'text', text: 'hi' }] },
    model: 'deepseek-flash',
    params: { thinking: false },
  }),
});
const rs = [];
for (let i = 0; i < n; i++) rs.push(await timedStream(url, mk(i)));
const p = (a: number[], q: number) => [...a].sort((x, y) => x - y)[Math.floor(q * a.length)];
console.log(
  'ttft p50',
  p(
    rs.map((r) => r.ttftMs),
    0.5,
  ).toFixed(2),
  'total p50',
  p(
    rs.map((r) => r.totalMs),
    0.5,
  ).toFixed(2),
  'gap p50',
  p(
    rs.map((r) => r.maxGapMs),
    0.5,
  ).toFixed(2),
);
