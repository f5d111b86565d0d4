'use client';

import { LogoMark } from '@/components/ui/icons';
import type { MessageKey } from '@/lib/i18n/languages';
import { useT } from '@/lib/i18n/use-t';

const examples: { title: MessageKey; prompt: MessageKey }[] = [
  { title: 'empty.example1.title', prompt: 'empty.example1.prompt' },
  { title: 'empty.example2.title', prompt: 'empty.example2.prompt' },
  { title: 'empty.example3.title', prompt: 'empty.example3.prompt' },
  { title: 'empty.example4.title', prompt: 'empty.example4.prompt' },
];

/** The new-chat greeting with four example prompts; picking one sends it. */
export function EmptyState({ onPick, disabled }: { onPick: (prompt: string) => void; disabled: boolean }) {
  const t = useT();
  return (
    <div className="flex flex-1 flex-col items-center justify-center px-1 pb-6 pt-10" data-testid="empty-state">
      <LogoMark size={44} />
      <h1 className="mt-5 text-center text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]">
        {t('empty.greeting')}
      </h1>
      <p className="mt-2 max-w-md text-center text-[15px] leading-relaxed text-ink-muted">{t('empty.subtitle')}</p>
      <ul className="mt-8 grid w-full max-w-2xl grid-cols-1 gap-2.5 sm:grid-cols-2">
        {examples.map((example) => (
          <li key={example.title}>
            <button
              type="button"
              disabled={disabled}
              data-testid="example-prompt"
              onClick={() => onPick(t(example.prompt))}
              className="group h-full w-full rounded-2xl border border-line bg-surface-raised px-4 py-3.5 text-left transition-all hover:-translate-y-px hover:border-ink/15 hover:shadow-[0_4px_16px_-8px_rgba(0,0,0,0.15)] focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60 disabled:opacity-60"
            >
              <span className="block text-sm font-medium text-ink">{t(example.title)}</span>
              <span className="mt-1 line-clamp-2 block text-[13px] leading-snug text-ink-muted">
                {t(example.prompt)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
