import { describe, expect, it } from 'vitest';
import { createRegistry } from '@/lib/models';
import { callSettingsToStreamOptions, providerOptionsFor, sanitizeEndUserId } from './options';

const registry = createRegistry();

describe('sanitizeEndUserId', () => {
  it("keeps DeepSeek's user_id alphabet and length", () => {
    expect(sanitizeEndUserId('u_AZ-09')).toBe('u_AZ-09');
    expect(sanitizeEndUserId('a b/c@d')).toBe('a_b_c_d');
    expect(sanitizeEndUserId('x'.repeat(600))).toHaveLength(512);
    expect(sanitizeEndUserId('')).toBeUndefined();
  });
});

describe('providerOptionsFor', () => {
  it('deepseek: explicit thinking, effort only while thinking, userId', () => {
    const thinking = registry.settingsFor('deepseek-flash', { thinking: true, effort: 'low' });
    expect(providerOptionsFor('deepseek', thinking, 'u1')).toEqual({
      deepseek: { thinking: { type: 'enabled' }, reasoningEffort: 'low', userId: 'u1' },
    });
    const plain = registry.settingsFor('deepseek-chat', { jsonOutput: true });
    expect(providerOptionsFor('deepseek', plain, '')).toEqual({
      deepseek: { thinking: { type: 'disabled' } },
      studio: { jsonOutput: true },
    });
  });

  it('openai-compatible: user and chat_template_kwargs only', () => {
    const settings = registry.settingsFor('deepseek-flash', { thinking: false, effort: undefined });
    expect(providerOptionsFor('openai-compatible', settings, 'u1')).toEqual({
      upstream: { user: 'u1', chat_template_kwargs: { thinking: false } },
    });
  });
});

describe('callSettingsToStreamOptions', () => {
  it('omits what is not set and turns the SDK retries off', () => {
    const settings = registry.settingsFor('deepseek-flash', { thinking: false, temperature: 0.7, maxTokens: 100 });
    expect(callSettingsToStreamOptions(settings, { endUserId: 'u1' })).toEqual({
      temperature: 0.7,
      maxOutputTokens: 100,
      providerOptions: { deepseek: { thinking: { type: 'disabled' }, userId: 'u1' } },
      maxRetries: 0,
    });
  });
});
