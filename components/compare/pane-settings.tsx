'use client';

import { useEffect, useState } from 'react';
import { Switch } from '@/components/ui/switch';
import type { EditablePane, ParamName } from '@/lib/compare/panes';
import { withParam } from '@/lib/compare/panes';
import { useT } from '@/lib/i18n/use-t';
import { effortLevels, type ModelSpec } from '@/lib/models/catalog';

/** One pane's model, thinking mode and sampling parameters, each with "apply to all". */
export function PaneSettings({
  pane,
  models,
  onChange,
  onApplyAll,
}: {
  pane: EditablePane;
  models: ModelSpec[];
  onChange: (pane: EditablePane) => void;
  onApplyAll: (name: ParamName | 'model') => void;
}) {
  const t = useT();
  const spec = models.find((model) => model.id === pane.model) ?? models[0];
  if (!spec) return null;
  const thinking = spec.thinking.supported ? (pane.params.thinking ?? spec.thinking.defaultEnabled) : false;
  const set = (name: ParamName, value: unknown) => onChange({ ...pane, params: withParam(pane.params, name, value) });
  const ignored = thinking && spec.parameters.ignoredWhileThinking.length > 0;

  return (
    <div className="w-72 space-y-3 p-3 text-sm" data-testid="pane-settings">
      <Row label={t('compare.settings.model')} onApplyAll={() => onApplyAll('model')}>
        <select
          className="h-8 w-full rounded-lg border border-line bg-surface px-2 text-[13px]"
          value={spec.id}
          data-testid="pane-model"
          aria-label={t('compare.settings.model')}
          onChange={(event) => onChange({ ...pane, model: event.target.value })}
        >
          {models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.label}
            </option>
          ))}
        </select>
      </Row>
      {spec.thinking.supported && (
        <Row label={t('header.thinking')} onApplyAll={() => onApplyAll('thinking')}>
          <Switch
            checked={thinking}
            aria-label={t('header.thinking')}
            data-testid="pane-thinking"
            onCheckedChange={(value) => set('thinking', value)}
          />
        </Row>
      )}
      {thinking && spec.thinking.efforts.length > 0 && (
        <Row label={t('header.effort')} onApplyAll={() => onApplyAll('effort')}>
          <select
            className="h-8 w-full rounded-lg border border-line bg-surface px-2 text-[13px]"
            value={pane.params.effort ?? spec.thinking.defaultEffort ?? ''}
            aria-label={t('header.effort')}
            data-testid="pane-effort"
            onChange={(event) => set('effort', event.target.value)}
          >
            {effortLevels
              .filter((level) => spec.thinking.efforts.includes(level))
              .map((level) => (
                <option key={level} value={level}>
                  {t(`effort.${level}`)}
                </option>
              ))}
          </select>
        </Row>
      )}
      <NumberRow
        label={t('compare.settings.temperature')}
        testId="pane-temperature"
        value={pane.params.temperature}
        range={spec.parameters.temperature}
        step={0.1}
        disabled={ignored}
        onCommit={(value) => set('temperature', value)}
        onApplyAll={() => onApplyAll('temperature')}
      />
      <NumberRow
        label={t('compare.settings.topP')}
        testId="pane-top-p"
        value={pane.params.topP}
        range={spec.parameters.topP}
        step={0.05}
        disabled={ignored}
        onCommit={(value) => set('topP', value)}
        onApplyAll={() => onApplyAll('topP')}
      />
      <NumberRow
        label={t('compare.settings.maxTokens')}
        testId="pane-max-tokens"
        value={pane.params.maxTokens}
        range={{ min: 1, max: spec.maxOutputTokens }}
        step={1}
        integer
        onCommit={(value) => set('maxTokens', value)}
        onApplyAll={() => onApplyAll('maxTokens')}
      />
      {ignored && <p className="text-xs leading-snug text-ink-faint">{t('compare.settings.ignoredWhileThinking')}</p>}
    </div>
  );
}

function Row({ label, onApplyAll, children }: { label: string; onApplyAll: () => void; children: React.ReactNode }) {
  const t = useT();
  return (
    <div>
      <div className="mb-1 flex items-center justify-between">
        <span className="text-xs font-medium text-ink-muted">{label}</span>
        <button
          type="button"
          className="rounded px-1 text-[11px] text-accent hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60"
          onClick={onApplyAll}
          data-testid="apply-to-all"
        >
          {t('compare.settings.applyAll')}
        </button>
      </div>
      {children}
    </div>
  );
}

/** A number field that commits a valid value (or "empty" = the default) on blur or Enter. */
function NumberRow({
  label,
  testId,
  value,
  range,
  step,
  integer = false,
  disabled = false,
  onCommit,
  onApplyAll,
}: {
  label: string;
  testId: string;
  value: number | undefined;
  range: { min: number; max: number; default?: number };
  step: number;
  integer?: boolean;
  disabled?: boolean;
  onCommit: (value: number | undefined) => void;
  onApplyAll: () => void;
}) {
  const t = useT();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  const parsed = text.trim() === '' ? undefined : Number(text);
  const valid =
    parsed === undefined ||
    (Number.isFinite(parsed) && parsed >= range.min && parsed <= range.max && (!integer || Number.isInteger(parsed)));
  const commit = () => {
    if (valid && parsed !== value) onCommit(parsed);
  };
  return (
    <Row label={label} onApplyAll={onApplyAll}>
      <input
        type="number"
        inputMode="decimal"
        min={range.min}
        max={range.max}
        step={step}
        value={text}
        disabled={disabled}
        placeholder={
          range.default !== undefined
            ? t('compare.settings.default', { value: String(range.default) })
            : t('compare.settings.auto')
        }
        aria-label={label}
        aria-invalid={!valid}
        data-testid={testId}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
        className="h-8 w-full rounded-lg border border-line bg-surface px-2 text-[13px] tabular-nums aria-[invalid=true]:border-danger disabled:opacity-45"
      />
    </Row>
  );
}
