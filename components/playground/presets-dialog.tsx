'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { CheckIcon, PencilIcon, TrashIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';
import { applyPreset, type PresetView } from '@/lib/playground/presets';
import { paramsOf } from '@/lib/playground/state';
import { createPreset, deletePreset, presetsKey, presetsQueryOptions, updatePreset } from '@/lib/query/presets';
import { usePlaygroundStore } from '@/lib/stores/playground-store';
import { inputClass } from './field';

/** Built-in presets (read-only) and the person's own: load, save, rename, delete. */
export function PresetsDialog({
  open,
  onClose,
  onLoaded,
}: {
  open: boolean;
  onClose: () => void;
  onLoaded: (name: string) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const presets = useQuery({ ...presetsQueryOptions(), enabled: open });
  const state = usePlaygroundStore((store) => store.state);
  const applyParams = usePlaygroundStore((store) => store.applyParams);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: presetsKey });
  const save = useMutation({
    mutationFn: () => createPreset(name.trim(), paramsOf(state!)),
    onSuccess: () => {
      setName('');
      void refresh();
    },
  });
  const rename = useMutation({
    mutationFn: (change: { id: string; name: string }) => updatePreset(change.id, { name: change.name.trim() }),
    onSuccess: () => {
      setRenaming(undefined);
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: deletePreset, onSuccess: () => void refresh() });
  const failure = save.error ?? rename.error ?? remove.error;

  const load = (preset: PresetView) => {
    if (!state) return;
    applyParams(applyPreset(preset, state.model));
    onLoaded(preset.name);
    onClose();
  };
  const items = presets.data ?? [];
  const own = items.filter((item) => !item.builtIn);

  return (
    <Dialog open={open} onClose={onClose} title={t('playground.presets')} testId="presets-dialog" className="max-w-lg">
      <div className="space-y-4">
        <section>
          <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-ink-faint">
            {t('playground.presets.builtIn')}
          </h3>
          <div className="flex flex-wrap gap-1.5">
            {items
              .filter((item) => item.builtIn)
              .map((preset) => (
                <Button
                  key={preset.id}
                  size="sm"
                  onClick={() => load(preset)}
                  data-testid="preset-load"
                  aria-label={t('playground.presets.load', { name: preset.name })}
                >
                  {preset.name}
                </Button>
              ))}
          </div>
        </section>
        <section>
          <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-ink-faint">
            {t('playground.presets.mine')}
          </h3>
          {own.length === 0 && <p className="text-sm text-ink-faint">{t('playground.presets.none')}</p>}
          <ul className="space-y-1" data-testid="my-presets">
            {own.map((preset) => (
              <li key={preset.id} className="flex items-center gap-1" data-testid="my-preset">
                {renaming?.id === preset.id ? (
                  <form
                    className="flex flex-1 gap-1"
                    onSubmit={(event) => {
                      event.preventDefault();
                      rename.mutate(renaming);
                    }}
                  >
                    <input
                      value={renaming.name}
                      aria-label={t('playground.presets.name')}
                      onChange={(event) => setRenaming({ id: preset.id, name: event.target.value })}
                      className={inputClass}
                      data-testid="preset-rename-input"
                    />
                    <Button type="submit" size="iconSm" variant="ghost" aria-label={t('playground.presets.saveButton')}>
                      <CheckIcon size={16} />
                    </Button>
                  </form>
                ) : (
                  <button
                    type="button"
                    className="min-w-0 flex-1 truncate rounded-md px-2 py-1.5 text-left text-sm hover:bg-ink/[0.06]"
                    onClick={() => load(preset)}
                    aria-label={t('playground.presets.load', { name: preset.name })}
                    data-testid="preset-load"
                  >
                    {preset.name}
                  </button>
                )}
                <Button
                  variant="ghost"
                  size="iconXs"
                  aria-label={t('playground.presets.rename', { name: preset.name })}
                  onClick={() => setRenaming({ id: preset.id, name: preset.name })}
                  data-testid="preset-rename"
                >
                  <PencilIcon size={14} />
                </Button>
                <Button
                  variant="ghost"
                  size="iconXs"
                  aria-label={t('playground.presets.delete', { name: preset.name })}
                  onClick={() => remove.mutate(preset.id)}
                  data-testid="preset-delete"
                >
                  <TrashIcon size={14} />
                </Button>
              </li>
            ))}
          </ul>
        </section>
        <form
          className="space-y-1.5 border-t border-line pt-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim() !== '' && state) save.mutate();
          }}
        >
          <label htmlFor="preset-name" className="text-[13px] font-medium">
            {t('playground.presets.save')}
          </label>
          <div className="flex gap-2">
            <input
              id="preset-name"
              value={name}
              maxLength={80}
              placeholder={t('playground.presets.name')}
              onChange={(event) => setName(event.target.value)}
              className={inputClass}
              data-testid="preset-name"
            />
            <Button
              type="submit"
              variant="primary"
              disabled={name.trim() === '' || save.isPending}
              data-testid="preset-save"
            >
              {t('playground.presets.saveButton')}
            </Button>
          </div>
        </form>
        {failure && (
          <p role="alert" className="text-xs text-danger">
            {t('playground.presets.failed', { reason: failure.message })}
          </p>
        )}
      </div>
    </Dialog>
  );
}
