import { timedStream } from './client.ts';

const mk = (enc: string, i: number) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'accept-encoding': enc },
  body: JSON.stringify({
    message: { id: `x${i}${Date.now()}`, role: 'user', parts: [{ type: 'text', text: 'hi' }] },
    model: 'deepseek-flash',
    params: { thinking: false },
  }),
});
for (const enc of ['identity', 'gzip, deflate, br', 'identity']) {
  const r = [];
  for (let i = 0; i < 5; i++) r.push(await timedStream('http://127.0.0.1:18790/api/chat', mk(enc, i)));
  console.log(
    enc,
    r.map((x) => `ttft=${x.ttftMs.toFixed(1)} gap=${x.maxGapMs.toFixed(1)} chunks=${x.chunks}`).join(' | '),
  );
}
