'use client';

import { useQuery } from '@tanstack/react-query';
import { BeakerIcon } from '@/components/ui/icons';
import { Tooltip } from '@/components/ui/tooltip';
import { useT } from '@/lib/i18n/use-t';
import { modelsQueryOptions } from '@/lib/query/models';

/** Visible whenever the server answers from its built-in simulator, so nobody mistakes it for the model. */
export function SimulatorBadge() {
  const t = useT();
  const { data } = useQuery(modelsQueryOptions());
  if (!data?.simulator) return null;

  return (
    <Tooltip content={t('header.simulatorTip')} align="end" testId="simulator-tooltip">
      {(describedBy) => (
        <button
          type="button"
          aria-describedby={describedBy}
          data-testid="simulator-badge"
          className="inline-flex h-7 cursor-default items-center gap-1 rounded-full border border-warning/35 bg-warning/10 px-2 text-xs font-medium text-warning focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-warning/50"
        >
          <BeakerIcon size={13} />
          <span className="hidden sm:inline">{t('header.simulator')}</span>
          <span className="sr-only sm:hidden">{t('header.simulator')}</span>
        </button>
      )}
    </Tooltip>
  );
}
