/**
 * `X-Simulator-Fault: status=503;retry-after=2;times=2;key=abc` — per-request fault injection.
 * Only the simulator reads this header. A header that does not parse is answered with 400 so a
 * typo in a test fails loudly instead of silently testing the happy path.
 */

export const faultHeader = 'x-simulator-fault';

export interface FaultSpec {
  status?: number;
  retryAfterSeconds?: number;
  times?: number;
  key?: string;
  firstByteDelayMs?: number;
  keepalive?: { count: number; intervalMs: number };
  dropAfter?: number;
  malformedAfter?: number;
  chunkDelayMs?: number;
  chunks?: number;
}

type ParseResult = { ok: true; fault: FaultSpec } | { ok: false; message: string };

const integer = /^\d{1,9}$/;

function int(name: string, value: string, min = 0): number {
  if (!integer.test(value)) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  const n = Number(value);
  if (n < min) throw new Error(`${name} must be at least ${min}, got ${n}`);
  return n;
}

function applyItem(fault: FaultSpec, name: string, value: string): void {
  switch (name) {
    case 'status': {
      const status = int(name, value);
      if (status < 400 || status > 599) throw new Error(`status must be 400–599, got ${status}`);
      fault.status = status;
      return;
    }
    case 'retry-after':
      fault.retryAfterSeconds = int(name, value);
      return;
    case 'times':
      fault.times = int(name, value, 1);
      return;
    case 'key':
      if (!/^[\w.:-]{1,200}$/.test(value)) throw new Error(`key must match [A-Za-z0-9_.:-]+, got "${value}"`);
      fault.key = value;
      return;
    case 'first-byte-delay':
      fault.firstByteDelayMs = int(name, value);
      return;
    case 'keepalive': {
      const match = /^(\d{1,6})x(\d{1,9})$/.exec(value);
      if (!match) throw new Error(`keepalive must be <count>x<intervalMs>, got "${value}"`);
      fault.keepalive = { count: Number(match[1]), intervalMs: Number(match[2]) };
      return;
    }
    case 'drop-after':
      fault.dropAfter = int(name, value);
      return;
    case 'malformed-after':
      fault.malformedAfter = int(name, value);
      return;
    case 'chunk-delay':
      fault.chunkDelayMs = int(name, value);
      return;
    case 'chunks':
      fault.chunks = int(name, value, 1);
      return;
    default:
      throw new Error(`unknown item "${name}"`);
  }
}

export function parseFault(raw: string): ParseResult {
  const fault: FaultSpec = {};
  const seen = new Set<string>();
  try {
    for (const item of raw.split(';')) {
      const trimmed = item.trim();
      if (trimmed === '') continue;
      const eq = trimmed.indexOf('=');
      if (eq <= 0) throw new Error(`item "${trimmed}" is not key=value`);
      const name = trimmed.slice(0, eq).trim().toLowerCase();
      if (seen.has(name)) throw new Error(`item "${name}" given twice`);
      seen.add(name);
      applyItem(fault, name, trimmed.slice(eq + 1).trim());
    }
    if ((fault.times === undefined) !== (fault.key === undefined)) throw new Error('times and key go together');
    if (fault.retryAfterSeconds !== undefined && fault.status === undefined)
      throw new Error('retry-after needs status');
  } catch (error) {
    return { ok: false, message: `Invalid ${faultHeader} header: ${(error as Error).message}` };
  }
  return { ok: true, fault };
}

/** Counts requests per fault `key` so `times=n` applies a fault to the first n only. */
export class FaultCounter {
  #seen = new Map<string, number>();

  /** Whether this request's fault applies; counts it against its key. */
  applies(fault: FaultSpec): boolean {
    if (fault.key === undefined || fault.times === undefined) return true;
    const seen = (this.#seen.get(fault.key) ?? 0) + 1;
    this.#seen.set(fault.key, seen);
    return seen <= fault.times;
  }

  clear(): void {
    this.#seen.clear();
  }
}
