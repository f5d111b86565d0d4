/** What the simulator remembers about each request, for tests to inspect and await. */
export interface RecordedRequest {
  /** The `x-request-id` the response carried. */
  readonly id: string;
  readonly method: string;
  /** Path plus query string as received (including any mount prefix). */
  readonly path: string;
  /** Lower-cased names; credentials replaced by `[redacted]`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON (or form) body; strings over 64 KiB are elided; undefined if none or unparseable. */
  readonly body: unknown;
  readonly receivedAt: number;
  /** 0 until the response status is decided. */
  readonly status: number;
  /** SSE `data:` events written, excluding `[DONE]`. */
  readonly chunksSent: number;
  /** The response was produced to its end (an error response counts as complete). */
  readonly completed: boolean;
  /** The client went away (request signal aborted or response body cancelled) before the end. */
  readonly aborted: boolean;
  /** The raw `X-Simulator-Fault` header, if any. */
  readonly fault?: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Listener = (request: RecordedRequest) => void;

const secretHeaders = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'x-signature', 'cookie']);
const secretFields = new Set(['client_secret', 'api_key', 'password']);
const maxStringLength = 64 * 1024;

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = secretHeaders.has(name) ? '[redacted]' : value;
  });
  return out;
}

/** Keeps recorded bodies small and secret-free (a chat body may carry a 48 MiB image). */
export function sanitizeBody(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > maxStringLength ? `${value.slice(0, 64)}…[elided ${value.length - 64} chars]` : value;
  }
  if (Array.isArray(value)) return value.map(sanitizeBody);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      out[key] = secretFields.has(key) ? '[redacted]' : sanitizeBody(field);
    }
    return out;
  }
  return value;
}

/** The simulator's handle on one record while the request runs. */
export interface RequestRecord {
  readonly entry: RecordedRequest;
  setBody(body: unknown): void;
  setStatus(status: number): void;
  chunkSent(): void;
  complete(): void;
  abort(): void;
}

export class SimulatorRecorder {
  #entries: Mutable<RecordedRequest>[] = [];
  #listeners = new Set<Listener>();
  #tokensIssued = 0;

  constructor(readonly limit = 200) {}

  list(): readonly RecordedRequest[] {
    return [...this.#entries];
  }

  last(): RecordedRequest | undefined {
    return this.#entries.at(-1);
  }

  /** OAuth2 access tokens issued by `/oauth/token` since the last `clear()`. */
  get tokensIssued(): number {
    return this.#tokensIssued;
  }

  clear(): void {
    this.#entries = [];
    this.#tokensIssued = 0;
  }

  /** Called on every new record and every change to one. Returns an unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves with the first record (already present or future) that satisfies `predicate`. */
  waitFor(predicate: (request: RecordedRequest) => boolean, { timeoutMs = 5000 } = {}): Promise<RecordedRequest> {
    const found = this.#entries.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`simulator recorder: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onChange((request) => {
        if (!predicate(request)) return;
        clearTimeout(timer);
        off();
        resolve(request);
      });
    });
  }

  tokenIssued(): void {
    this.#tokensIssued++;
  }

  begin(init: Pick<RecordedRequest, 'id' | 'method' | 'path' | 'headers' | 'receivedAt' | 'fault'>): RequestRecord {
    const entry: Mutable<RecordedRequest> = {
      ...init,
      body: undefined,
      status: 0,
      chunksSent: 0,
      completed: false,
      aborted: false,
    };
    this.#entries.push(entry);
    if (this.#entries.length > this.limit) this.#entries.splice(0, this.#entries.length - this.limit);
    this.#emit(entry);
    const finished = () => entry.completed || entry.aborted;
    return {
      entry,
      setBody: (body) => {
        entry.body = sanitizeBody(body);
        this.#emit(entry);
      },
      setStatus: (status) => {
        entry.status = status;
        this.#emit(entry);
      },
      chunkSent: () => {
        entry.chunksSent++;
        this.#emit(entry);
      },
      complete: () => {
        if (finished()) return;
        entry.completed = true;
        this.#emit(entry);
      },
      abort: () => {
        if (finished()) return;
        entry.aborted = true;
        this.#emit(entry);
      },
    };
  }

  #emit(entry: RecordedRequest): void {
    for (const listener of this.#listeners) listener(entry);
  }
}
