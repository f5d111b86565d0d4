import type { BrowserContext } from '@playwright/test';

/**
 * The control for the keystroke row: a bare page (no framework) that appends a word to a block of
 * text every 50 ms, as a streaming answer does, with a textarea to type into. Headless Chromium
 * with software compositing draws a page that changes continuously at ~30 frames a second, so a
 * keystroke typed meanwhile reaches the screen a frame or two late whatever the page's code does;
 * this row measures that floor on the same machine and browser, so the app's row can be read
 * against it.
 */
const page = `<!doctype html><html><body style="margin:0;font-family:sans-serif">
<div style="display:flex;flex-direction:column;height:100vh">
<div id="log" style="flex:1;overflow:auto;padding:24px;white-space:pre-wrap;max-width:760px;margin:0 auto"></div>
<textarea id="input" style="width:720px;height:56px;margin:12px auto"></textarea></div>
<script>
window.keydowns = [];
new PerformanceObserver((list) => list.getEntries().forEach((entry) => {
  if (entry.name === 'keydown') window.keydowns.push(entry.duration);
})).observe({ type: 'event', durationThreshold: 16, buffered: true });
window.inputFrames = [];
document.addEventListener('input', (event) => {
  const start = event.timeStamp;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => window.inputFrames.push(performance.now() - start);
    channel.port2.postMessage(null);
  });
}, true);
const log = document.getElementById('log');
let n = 0;
setInterval(() => {
  log.textContent += ' token' + n++ + (n % 15 === 0 ? '\\n' : '');
  log.scrollTop = log.scrollHeight;
}, 50);
</script></body></html>`;

export async function keystrokeFloor(context: BrowserContext, text: string, delayMs: number) {
  const tab = await context.newPage();
  await tab.setContent(page);
  await tab.focus('#input');
  await tab.waitForTimeout(500);
  await tab.keyboard.type(text, { delay: delayMs });
  await tab.waitForTimeout(300);
  const { keydowns, inputFrames } = await tab.evaluate(() => {
    const probe = window as unknown as { keydowns: number[]; inputFrames: number[] };
    return { keydowns: probe.keydowns, inputFrames: probe.inputFrames };
  });
  await tab.close();
  return {
    keys: text.length,
    late: keydowns.filter((duration) => duration >= 24).length,
    slowest: Math.max(0, ...keydowns),
    lateFrames: inputFrames.filter((value) => value > 1000 / 60).length,
    slowestFrame: Math.max(0, ...inputFrames),
  };
}
