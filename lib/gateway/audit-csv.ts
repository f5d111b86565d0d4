import type { AuditEvent } from '@/lib/db/schema';

const columns: (keyof AuditEvent)[] = [
  'createdAt',
  'requestId',
  'userId',
  'userEmail',
  'clientIp',
  'route',
  'model',
  'status',
  'httpStatus',
  'errorCode',
  'upstreamStatus',
  'retries',
  'cacheStatus',
  'inputTokens',
  'cacheHitTokens',
  'outputTokens',
  'reasoningTokens',
  'ttftMs',
  'durationMs',
  'redactions',
  'flagged',
  'promptHash',
  'promptText',
];

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * RFC 4180 CSV of audit rows (UTC ISO times). A cell that starts with = + - @ is prefixed with a
 * quote so a spreadsheet does not run it as a formula (a prompt text could be anything).
 */
export function auditCsv(rows: AuditEvent[]): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    let text = value instanceof Date ? value.toISOString() : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [
    columns.map(snake).join(','),
    ...rows.map((row) => columns.map((column) => cell(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
