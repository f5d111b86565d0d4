import { cn } from '@/components/ui/cn';
import type { RenderedMessage, RenderedPart } from '@/lib/transcript/rendered';

export interface ShareLabels {
  user: string;
  assistant: string;
  system: string;
  reasoning: string;
  image: string;
  interrupted: string;
  error: string;
}

function Part({ part, labels }: { part: RenderedPart; labels: ShareLabels }) {
  switch (part.kind) {
    case 'markdown':
      // Sanitized and highlighted on the server (lib/transcript/render-markdown.ts): no raw HTML,
      // no event handlers, no javascript: links, no remote images.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized markup, see above
      return <div className="markdown" dangerouslySetInnerHTML={{ __html: part.html }} />;
    case 'plain':
      return <div className="whitespace-pre-wrap break-words">{part.text}</div>;
    case 'reasoning':
      return (
        <details className="group my-2 text-[13.5px] text-ink-muted" data-testid="share-reasoning">
          <summary className="cursor-pointer select-none font-medium">{labels.reasoning}</summary>
          <div className="mt-1.5 whitespace-pre-wrap border-l-2 border-line pl-3.5 leading-relaxed">{part.text}</div>
        </details>
      );
    case 'image':
      return part.src ? (
        // biome-ignore lint/performance/noImgElement: the share's own image route or a data URL, nothing to optimise
        <img
          src={part.src}
          alt={part.alt}
          data-testid="share-image"
          className="my-2 max-h-96 max-w-full rounded-xl ring-1 ring-line"
        />
      ) : (
        <span className="my-1 inline-block rounded-lg border border-dashed border-line px-2.5 py-1 text-sm text-ink-muted">
          {labels.image}: {part.alt}
        </span>
      );
  }
}

export function ShareMessage({ message, labels }: { message: RenderedMessage; labels: ShareLabels }) {
  const isUser = message.role === 'user';
  return (
    <section
      data-testid="share-message"
      data-role={message.role}
      className={cn('flex flex-col', isUser && 'items-end')}
    >
      <div className="mb-1 text-xs font-medium uppercase tracking-wide text-ink-faint">
        {labels[message.role]}
        {message.role === 'assistant' && message.model ? ` · ${message.model}` : ''}
      </div>
      <div
        className={cn(
          'min-w-0 max-w-full',
          isUser &&
            'max-w-[85%] rounded-2xl rounded-br-md bg-surface-muted px-4 py-2.5 text-[15px] leading-relaxed ring-1 ring-line/60',
        )}
      >
        {message.parts.map((part, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of a snapshot never reorder
          <Part key={index} part={part} labels={labels} />
        ))}
      </div>
      {message.status !== 'complete' && (
        <p className="mt-1 text-xs italic text-ink-faint">
          {message.status === 'interrupted' ? labels.interrupted : labels.error}
        </p>
      )}
    </section>
  );
}
