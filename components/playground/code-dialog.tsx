'use client';

import { useState } from 'react';
import { CodeBlock } from '@/components/markdown/code-block';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { useT } from '@/lib/i18n/use-t';
import { type CodeLanguage, codeLanguages, generators } from '@/lib/playground/codegen';
import { buildUpstreamRequest, imageFileName } from '@/lib/playground/request';
import type { PlaygroundState } from '@/lib/playground/state';
import { usePlaygroundContext } from './context';
import { useSpec } from './use-issues';

/** The current request as copyable code, built by the same function the server sends with. */
export function CodeDialog({ open, onClose, state }: { open: boolean; onClose: () => void; state: PlaygroundState }) {
  const t = useT();
  const { target, offline } = usePlaygroundContext();
  const spec = useSpec(state);
  const [language, setLanguage] = useState<CodeLanguage>('curl');
  if (!spec) return null;
  const generator = generators[language];
  // Images stay placeholders (imagePlaceholder): a snippet with megabytes of base64 helps nobody.
  const code = open ? generator.generate({ request: buildUpstreamRequest(state, spec, target), target }) : '';
  const images = [
    ...new Map(state.messages.flatMap((message) => message.images ?? []).map((image) => [image.id, image])).values(),
  ];

  return (
    <Dialog open={open} onClose={onClose} title={t('playground.code.title')} testId="code-dialog" className="max-w-3xl">
      <div role="tablist" className="mb-2 flex flex-wrap gap-1">
        {codeLanguages.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={language === id}
            onClick={() => setLanguage(id)}
            className={cn(
              'rounded-md px-2.5 py-1 text-xs font-medium',
              language === id ? 'bg-accent/15 text-accent' : 'text-ink-muted hover:bg-ink/[0.06]',
            )}
            data-testid={`code-tab-${id}`}
          >
            {generators[id].label}
          </button>
        ))}
      </div>
      <p className="text-xs text-ink-faint">{t('playground.code.keyNote')}</p>
      {offline && <p className="text-xs text-ink-faint">{t('playground.code.offlineNote')}</p>}
      {images.length > 0 && (
        <div className="text-xs text-ink-faint" data-testid="code-images-note">
          <p>{t('playground.codeImages')}</p>
          <ul className="mt-1 flex flex-wrap gap-x-3">
            {images.map((image) => (
              <li key={image.id}>
                <a
                  href={`/api/attachments/${image.id}`}
                  download={imageFileName(image)}
                  className="text-accent underline-offset-2 hover:underline"
                >
                  {t('playground.downloadImage', { name: imageFileName(image) })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="max-h-[60vh] overflow-auto" data-testid="code-snippet" data-language={language}>
        <CodeBlock code={code} lang={generator.lang} complete />
      </div>
    </Dialog>
  );
}
