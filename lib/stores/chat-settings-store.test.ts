import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '@/lib/models/catalog';
import { resolveChatSettings } from './chat-settings-store';

const registry = {
  defaultModel: defaultCatalog.defaultModel,
  models: [
    ...defaultCatalog.models,
    {
      ...defaultCatalog.models[0]!,
      id: 'plain-model',
      label: 'Plain',
      thinking: { supported: false, defaultEnabled: false, efforts: [] },
    },
  ],
};

describe('resolveChatSettings', () => {
  it('falls back to the server default when nothing (or an unknown id) is picked', () => {
    const none = resolveChatSettings({ model: null, thinking: null, effort: null }, registry);
    expect(none?.model.id).toBe(registry.defaultModel);
    expect(resolveChatSettings({ model: 'gone', thinking: null, effort: null }, registry)?.model.id).toBe(
      registry.defaultModel,
    );
  });

  it("uses the model's thinking default and default effort", () => {
    const settings = resolveChatSettings({ model: null, thinking: null, effort: null }, registry);
    const spec = registry.models.find((m) => m.id === registry.defaultModel)!;
    expect(settings?.thinking).toBe(spec.thinking.defaultEnabled);
    expect(settings?.effort).toBe(spec.thinking.defaultEffort);
  });

  it('turns thinking and effort off for a model that cannot think', () => {
    const settings = resolveChatSettings({ model: 'plain-model', thinking: true, effort: 'max' }, registry);
    expect(settings).toMatchObject({ thinkingSupported: false, thinking: false, effort: undefined });
  });

  it('has no effort while thinking is off', () => {
    expect(resolveChatSettings({ model: null, thinking: false, effort: 'max' }, registry)?.effort).toBeUndefined();
  });
});
