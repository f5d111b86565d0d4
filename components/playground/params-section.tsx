'use client';

import { Switch } from '@/components/ui/switch';
import { useT } from '@/lib/i18n/use-t';
import { ignoredNow, jsonWithoutMention, supportsPenalties } from '@/lib/playground/rules';
import { usePlaygroundStore } from '@/lib/stores/playground-store';
import { SliderField } from './slider-field';
import { StopSequences } from './stop-sequences';
import { useIssues, useSpec } from './use-issues';

/** Sampling and output parameters, drawn from what the registry says the model honours. */
export function ParamsSection() {
  const t = useT();
  const state = usePlaygroundStore((store) => store.state);
  const set = usePlaygroundStore((store) => store.set);
  const spec = useSpec(state);
  const issues = useIssues();
  if (!state || !spec) return null;

  const ignored = ignoredNow(spec, state.thinking);
  const reason = (key: 'temperature' | 'topP' | 'frequencyPenalty' | 'presencePenalty') =>
    ignored.has(key) ? t('playground.ignoredWhileThinking') : undefined;
  const { temperature, topP } = spec.parameters;

  return (
    <div className="space-y-4">
      <SliderField
        name="temperature"
        label={t('playground.temperature')}
        value={state.temperature}
        min={temperature.min}
        max={temperature.max}
        step={0.05}
        fallback={temperature.default}
        disabledReason={reason('temperature')}
        issue={issues.get('temperature')}
        onChange={(value) => set('temperature', value)}
      />
      <SliderField
        name="topP"
        label={t('playground.topP')}
        value={state.topP}
        min={topP.min}
        max={topP.max}
        step={0.01}
        fallback={topP.default}
        disabledReason={reason('topP')}
        issue={issues.get('topP')}
        onChange={(value) => set('topP', value)}
      />
      <SliderField
        name="maxTokens"
        label={`${t('playground.maxTokens')} (1–${spec.maxOutputTokens.toLocaleString()})`}
        value={state.maxTokens}
        min={1}
        max={spec.maxOutputTokens}
        step={256}
        fallback={4096}
        integer
        slider={false}
        issue={issues.get('maxTokens')}
        onChange={(value) => set('maxTokens', value)}
      />
      {supportsPenalties(spec) &&
        (['frequencyPenalty', 'presencePenalty'] as const).map((key) => (
          <SliderField
            key={key}
            name={key}
            label={t(`playground.${key}`)}
            value={state[key]}
            min={-2}
            max={2}
            step={0.1}
            fallback={0}
            disabledReason={reason(key)}
            issue={issues.get(key)}
            onChange={(value) => set(key, value)}
          />
        ))}
      {!supportsPenalties(spec) && issues.get('penalties') && (
        <p role="alert" className="text-xs text-danger">
          {issues.get('penalties')}
        </p>
      )}
      <StopSequences max={spec.parameters.maxStopSequences} issue={issues.get('stop') ?? issues.get('stopDuplicate')} />
      {spec.parameters.jsonOutput && (
        <div className="space-y-1.5" data-testid="param-json">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Switch
              checked={state.jsonOutput}
              onCheckedChange={(checked) => set('jsonOutput', checked)}
              aria-label={t('playground.jsonOutput')}
              data-testid="playground-json"
            />
            <span className="whitespace-nowrap text-[13px] font-medium">{t('playground.jsonOutput')}</span>
            <code className="text-xs text-ink-faint">{t('playground.jsonHint')}</code>
          </div>
          {jsonWithoutMention(state) && (
            <p className="text-xs text-amber-600 dark:text-amber-400" data-testid="json-warning">
              {t('playground.jsonWarning')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
