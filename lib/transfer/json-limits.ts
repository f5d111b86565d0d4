import { AppError } from '@/lib/errors';

/** The deepest nesting an import may have; both accepted formats need far less (about 10). */
export const maxImportDepth = 64;

/**
 * Refuses JSON nested deeper than `maxDepth` before it is parsed: one linear pass over the text,
 * counting brackets outside strings, so a hostile `[[[[…` cannot exhaust the stack of the parser or
 * of the validator that walks the result.
 */
export function assertJsonDepth(text: string, maxDepth = maxImportDepth): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92 /* \ */) i++;
      else if (char === 34 /* " */) inString = false;
      continue;
    }
    if (char === 34) inString = true;
    else if (char === 91 /* [ */ || char === 123 /* { */) {
      depth++;
      if (depth > maxDepth) {
        throw new AppError('bad_request:import', {
          message: `The file is nested more than ${maxDepth} levels deep.`,
          details: { reason: 'too_deep', maxDepth },
        });
      }
    } else if (char === 93 || char === 125) depth--;
  }
}

/** Text as Postgres can store it: lone surrogates become U+FFFD, NUL becomes U+FFFD. */
export function cleanText(value: string): string {
  // String.prototype.toWellFormed (Node 20+); the project's TS lib predates its typings.
  return (value as string & { toWellFormed(): string }).toWellFormed().replaceAll('\0', '\uFFFD');
}
