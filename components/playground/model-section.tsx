'use client';

import { useId } from 'react';
import { Switch } from '@/components/ui/switch';
import { useT } from '@/lib/i18n/use-t';
import { usePlaygroundStore } from '@/lib/stores/playground-store';
import { usePlaygroundContext } from './context';
import { Field, inputClass } from './field';
import { useSpec } from './use-issues';

/** Model, thinking on/off and effort — all from the registry. */
export function ModelSection() {
  const t = useT();
  const modelId = useId();
  const effortId = useId();
  const { models } = usePlaygroundContext();
  const state = usePlaygroundStore((store) => store.state);
  const set = usePlaygroundStore((store) => store.set);
  const spec = useSpec(state);
  if (!state || !spec) return null;

  return (
    <div className="grid grid-cols-[auto_1fr] items-end gap-x-4 gap-y-3">
      <Field label={t('playground.model')} htmlFor={modelId} className="col-span-2">
        <select
          id={modelId}
          value={spec.id}
          onChange={(event) => set('model', event.target.value)}
          className={inputClass}
          data-testid="playground-model"
        >
          {models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.label}
            </option>
          ))}
        </select>
      </Field>
      <div className="flex h-[34px] items-center gap-2">
        <Switch
          checked={spec.thinking.supported && state.thinking}
          disabled={!spec.thinking.supported}
          onCheckedChange={(checked) => set('thinking', checked)}
          aria-label={t('playground.thinking')}
          data-testid="playground-thinking"
        />
        <span className="text-[13px] font-medium">{t('playground.thinking')}</span>
      </div>
      <Field label={t('playground.effort')} htmlFor={effortId} className="max-w-40">
        <select
          id={effortId}
          value={state.effort}
          disabled={!state.thinking || spec.thinking.efforts.length === 0}
          onChange={(event) => set('effort', event.target.value as typeof state.effort)}
          className={inputClass}
          data-testid="playground-effort"
        >
          {spec.thinking.efforts.map((effort) => (
            <option key={effort} value={effort}>
              {t(`effort.${effort}`)}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
