import { describe, expect, it } from 'vitest';
import { createWordFilter } from '@/lib/gateway/output-filter';
import { createSseWordFilter } from './output-filter';

const chunk = (content: string, finish?: string) =>
  JSON.stringify({ id: 'c1', choices: [{ index: 0, delta: { content }, finish_reason: finish ?? null }] });
const contentOf = (data: string) =>
  (JSON.parse(data) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content;

describe('createSseWordFilter', () => {
  it('passes payloads untouched without a word list', () => {
    const filter = createSseWordFilter(createWordFilter([]), () => {});
    const data = chunk('secret plans');
    expect(filter(data)).toBe(data);
  });

  it('masks a word split across chunks and releases the held text on the finishing chunk', () => {
    let flags = 0;
    const filter = createSseWordFilter(createWordFilter(['secret']), () => {
      flags++;
    });
    const out = [filter(chunk('the sec')), filter(chunk('ret plan')), filter(chunk('', 'stop')), filter('[DONE]')];
    expect(out.slice(0, 3).map(contentOf).join('')).toBe('the ****** plan');
    expect(out[3]).toBe('[DONE]');
    expect(flags).toBe(1);
  });

  it('leaves chunks without text (usage, role) as they were', () => {
    const filter = createSseWordFilter(createWordFilter(['secret']), () => {});
    const usage = JSON.stringify({ choices: [], usage: { prompt_tokens: 3 } });
    expect(filter(usage)).toBe(usage);
  });
});
