import type { Language } from './languages';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** 950 → "950", 12_345 → "12,345" (12 345 tokens read better exact than as "12K" in a footer). */
export function formatTokens(count: number, language: Language): string {
  return numberFormat(language, { maximumFractionDigits: 0 }).format(count);
}

/** 1_000_000 → "1M", 131_072 → "131K" (model context windows). */
export function formatCompact(count: number, language: Language): string {
  return numberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(count);
}

/** Milliseconds as seconds for people: 420 → "0.42 s", 12_300 → "12.3 s", 75_000 → "75 s". */
export function formatSeconds(ms: number, language: Language): string {
  const seconds = ms / 1000;
  const digits = seconds < 1 ? 2 : seconds < 10 ? 1 : 0;
  return `${numberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(seconds)} s`;
}

/** Whole seconds for the thinking timer. */
export function wholeSeconds(ms: number): number {
  return Math.max(0, Math.round(ms / 1000));
}

/**
 * Costs are often fractions of a cent: show two significant digits below one cent
 * ($0.00042) and cents above it ($1.27).
 */
export function formatCost(amount: number, currency: string, language: Language): string {
  const options: Intl.NumberFormatOptions =
    amount !== 0 && Math.abs(amount) < 0.01
      ? { style: 'currency', currency, maximumSignificantDigits: 2 }
      : { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 4 };
  try {
    return numberFormat(language, options).format(amount);
  } catch {
    return `${amount.toFixed(6)} ${currency}`;
  }
}

/** Seconds until something resets, in the catalog's words: "45 s", "12 min", "3 h 12 min". */
export function formatDuration(
  seconds: number,
  t: (key: 'duration.seconds' | 'duration.minutes' | 'duration.hoursMinutes', vars: Record<string, number>) => string,
): string {
  if (seconds < 60) return t('duration.seconds', { s: Math.max(1, Math.ceil(seconds)) });
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return t('duration.minutes', { m: minutes });
  return t('duration.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 });
}
