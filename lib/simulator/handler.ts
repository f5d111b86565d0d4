import { randomUUID } from 'node:crypto';
import { type AuthOptions, TokenStore, verifyAuth } from './auth';
import { chatCompletion } from './chat';
import { bodyForStatus, errorResponse, jsonResponse } from './errors';
import { FaultCounter, type FaultSpec, faultHeader, parseFault } from './faults';
import { simulatedModels } from './models';
import { issueToken, parseTokenBody } from './oauth';
import { PrefixCache } from './prefix-cache';
import { type RequestRecord, redactHeaders, SimulatorRecorder } from './recorder';
import { sleep } from './sleep';

export interface SimulatorOptions {
  auth: AuthOptions;
  /** Pacing between streamed chunks (default 0). */
  chunkDelayMs?: number;
  /** Clock in ms, for tests (token expiry, HMAC timestamps, `created`). */
  now?: () => number;
  /** Mount prefix stripped from the URL path before routing, e.g. `/api/simulator`. */
  basePath?: string;
  /** How many requests the recorder keeps (default 200). */
  recorderLimit?: number;
  /** Fault applied to requests that carry no X-Simulator-Fault header (benchmarks shape streams with it). */
  defaultFault?: string;
}

export interface Simulator {
  /** Paths relative to the server root (after `basePath`); `/x` and `/v1/x` are the same. */
  handle(request: Request): Promise<Response>;
  recorder: SimulatorRecorder;
  /** Invalidates every issued OAuth2 access token (to test refresh-and-retry on 401). */
  revokeTokens(): void;
  /** Forgets recorded requests, fault counters, issued tokens and the prefix cache. */
  reset(): void;
}

/** DeepSeek's request body limit (inline images count toward it). */
export const maxBodyBytes = 48 * 1024 * 1024;

type Route = 'chat' | 'models' | 'balance' | 'token';
const routes: Record<string, { method: string; route: Route }> = {
  '/chat/completions': { method: 'POST', route: 'chat' },
  '/models': { method: 'GET', route: 'models' },
  '/user/balance': { method: 'GET', route: 'balance' },
  '/oauth/token': { method: 'POST', route: 'token' },
};

/** A response, and whether its body stream completes the record itself. */
type Served = { response: Response; streaming: boolean };
const plain = (response: Response): Served => ({ response, streaming: false });

const models = {
  object: 'list',
  data: simulatedModels.map((m) => ({ id: m.id, object: 'model', owned_by: 'deepseek' })),
};

const balance = {
  is_available: true,
  balance_infos: [{ currency: 'USD', total_balance: '100.00', granted_balance: '0.00', topped_up_balance: '100.00' }],
};

function routePath(pathname: string, basePath: string): string {
  let path = pathname;
  if (basePath !== '' && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length);
  if (path === '/v1' || path.startsWith('/v1/')) path = path.slice(3);
  // DeepSeek's beta features (chat prefix completion) live under /beta with the same endpoints.
  else if (path === '/beta' || path.startsWith('/beta/')) path = path.slice(5);
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path || '/';
}

function faultResponse(request: Request, fault: FaultSpec): Response {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const sentKey = request.headers.get('x-api-key') ?? bearer ?? '';
  const status = fault.status ?? 500;
  const headers =
    fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : undefined;
  return jsonResponse(status, bodyForStatus(status, sentKey), headers);
}

async function readBody(request: Request): Promise<Uint8Array | 'too-large'> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return 'too-large';
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel();
      return 'too-large';
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const now = options.now ?? Date.now;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const recorder = new SimulatorRecorder(options.recorderLimit);
  const tokens = new TokenStore(now);
  const cache = new PrefixCache();
  const faults = new FaultCounter();

  async function serve(request: Request, url: URL, record: RequestRecord, rawFault: string | null): Promise<Served> {
    const path = routePath(url.pathname, basePath);
    const entry = routes[path];
    if (!entry) return plain(errorResponse(404, `Not Found: ${request.method} ${path}`));
    if (entry.method !== request.method) {
      return plain(errorResponse(405, `Method Not Allowed: use ${entry.method}`, undefined, { allow: entry.method }));
    }
    const auth = options.auth;
    if (entry.route === 'token' && auth.scheme !== 'oauth2') {
      return plain(errorResponse(404, 'Not Found: this simulator does not use OAuth2'));
    }
    let fault: FaultSpec = {};
    if (rawFault !== null) {
      const parsed = parseFault(rawFault);
      if (!parsed.ok) return plain(errorResponse(400, parsed.message));
      fault = parsed.fault;
    }

    const body = request.method === 'GET' ? new Uint8Array() : await readBody(request);
    if (body === 'too-large') return plain(errorResponse(413, 'Request body is larger than 48 MiB'));
    const bodyText = new TextDecoder().decode(body);
    if (entry.route !== 'token') {
      const denied = verifyAuth(auth, { request, fullPath: url.pathname + url.search, body, now, tokens });
      if (denied) return plain(denied);
    }

    if (!faults.applies(fault)) fault = {};
    if (fault.firstByteDelayMs) await sleep(fault.firstByteDelayMs, request.signal);
    if (fault.status !== undefined) return plain(faultResponse(request, fault));

    switch (entry.route) {
      case 'models':
        return plain(jsonResponse(200, models));
      case 'balance':
        return plain(jsonResponse(200, balance));
      case 'token': {
        const form = parseTokenBody(request, bodyText);
        record.setBody(form);
        if (auth.scheme !== 'oauth2') return plain(errorResponse(404, 'Not Found'));
        return plain(issueToken(auth, request, form, tokens, recorder));
      }
      case 'chat':
        return chatCompletion({
          request,
          bodyText,
          fault,
          record,
          cache,
          now,
          chunkDelayMs: options.chunkDelayMs ?? 0,
        });
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const incomingId = request.headers.get('x-request-id');
    const id = incomingId && /^[\w.:-]{1,128}$/.test(incomingId) ? incomingId : randomUUID();
    const rawFault = request.headers.get(faultHeader) ?? options.defaultFault ?? null;
    const record = recorder.begin({
      id,
      method: request.method,
      path: url.pathname + url.search,
      headers: redactHeaders(request.headers),
      receivedAt: now(),
      ...(rawFault !== null ? { fault: rawFault } : {}),
    });
    let served: Served;
    try {
      served = await serve(request, url, record, rawFault);
    } catch (error) {
      if (request.signal.aborted) {
        record.abort();
        throw request.signal.reason;
      }
      served = plain(errorResponse(500, `Simulator error: ${(error as Error).message}`, 'server_error'));
    }
    served.response.headers.set('x-request-id', id);
    record.setStatus(served.response.status);
    if (!served.streaming) record.complete();
    return served.response;
  }

  return {
    handle,
    recorder,
    revokeTokens: () => tokens.revokeAll(),
    reset: () => {
      recorder.clear();
      faults.clear();
      tokens.revokeAll();
      cache.clear();
    },
  };
}
