/**
 * PII redaction for prompts (PII_REDACTION=true): what a person pasted is replaced by a placeholder
 * before the prompt is stored, hashed, logged or sent upstream. Detectors run in a fixed order so
 * one span is claimed once: API keys, e-mail addresses, Chinese resident ID numbers (18 digits,
 * ISO 7064 checksum), bank card numbers (13–19 digits, Luhn), then phone numbers (Chinese mobiles,
 * international numbers written with +country code). Checksums keep ordinary numbers (order ids,
 * timestamps) out.
 */

export type PiiKind = 'api_key' | 'email' | 'id_number' | 'card' | 'phone';

export interface Redaction {
  kind: PiiKind;
  count: number;
}

const placeholder: Record<PiiKind, string> = {
  api_key: '[API key]',
  email: '[email]',
  id_number: '[ID number]',
  card: '[card number]',
  phone: '[phone]',
};

interface Detector {
  kind: PiiKind;
  pattern: RegExp;
  accept?: (match: string) => boolean;
}

const detectors: Detector[] = [
  {
    kind: 'api_key',
    pattern:
      /(?<![\w-])(?:(?:sk|pk|rk|ak)-(?:[a-z]+-)?[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|[A-Za-z0-9_-]{32,})(?![\w-])/g,
    accept: (match) => !/^[A-Za-z0-9_-]{32,}$/.test(match) || isKeyLike(match),
  },
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  { kind: 'id_number', pattern: /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, accept: validResidentId },
  {
    kind: 'card',
    pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g,
    accept: (match) => luhn(match.replace(/[ -]/g, '')),
  },
  { kind: 'phone', pattern: /(?<![\d+])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g },
  {
    kind: 'phone',
    pattern: /(?<![\w+])\+\d{1,3}(?:[ -]?\(?\d{1,4}\)?)(?:[ -]?\d{2,5}){1,4}(?!\d)/g,
    accept: (match) => {
      const digits = match.replace(/\D/g, '').length;
      return digits >= 8 && digits <= 15;
    },
  },
];

/** Replaces every detected item; returns the new text and what was replaced (kinds and counts). */
export function redactText(text: string): { text: string; redactions: Redaction[] } {
  const counts = new Map<PiiKind, number>();
  let out = text;
  for (const { kind, pattern, accept } of detectors) {
    out = out.replace(pattern, (match) => {
      if (accept && !accept(match)) return match;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      return placeholder[kind];
    });
  }
  return { text: out, redactions: [...counts].map(([kind, count]) => ({ kind, count })) };
}

export function mergeRedactions(lists: Redaction[][]): Redaction[] {
  const counts = new Map<PiiKind, number>();
  for (const list of lists) for (const { kind, count } of list) counts.set(kind, (counts.get(kind) ?? 0) + count);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

/** GB 11643-1999: weights 2^(17-i) mod 11, check character from "10X98765432"; a real birth date. */
export function validResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(id[index]), 0);
  if ('10X98765432'[sum % 11] !== id[17]!.toUpperCase()) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export function luhn(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A long token that mixes letters and digits (a secret), not a long word or a hex-free identifier. */
function isKeyLike(token: string): boolean {
  return /[A-Za-z]/.test(token) && /\d/.test(token) && /[a-z]/.test(token) && /[A-Z0-9]/.test(token);
}
