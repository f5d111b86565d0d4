import 'server-only';
import { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { AppError, toAppError } from '@/lib/errors';
import { readBoundedText } from '@/lib/http/body';
import { newRequestId } from '@/lib/http/request-id';
import { assertSameOrigin } from '@/lib/http/same-origin';
import { log } from '@/lib/log';
import { getAuthLimiter, ipBucket, requestIp } from '@/lib/policy';
import { authjs } from './authjs';

/** Auth.js's POST bodies are a few short form fields; anything bigger is not a sign-in. */
const MAX_AUTH_BODY_BYTES = 8 * 1024;

/**
 * POST /api/auth/* — Auth.js, behind the checks its own handler lacks: the same-origin check every
 * state-changing route has (Auth.js adds its own CSRF token on top), a body size cap, and the
 * sign-in and guest rate limits, which answer 429 with Retry-After before any password is hashed.
 */
export async function authPost(req: Request): Promise<Response> {
  const requestId = newRequestId(req.headers.get('x-request-id'));
  try {
    assertSameOrigin(req, { publicUrl: env.AUTH_URL });
    const action = new URL(req.url).pathname.replace(/^.*\/api\/auth\//, '');
    if (action !== 'callback/credentials' && action !== 'callback/guest') return await forward(req);

    const text = await readText(req);
    const fields = parseFields(text, req.headers.get('content-type'));
    const ip = requestIp(req);
    const limiter = getAuthLimiter();
    if (action === 'callback/credentials') {
      await limiter.attempt({ action: 'sign-in', ip, account: String(fields.email ?? '') });
    } else {
      const bucket = ipBucket(ip);
      if (bucket) await limiter.attempt({ action: 'sign-up', ip, account: `guest@${bucket}` });
    }
    return await forward(new Request(req.url, { method: 'POST', headers: req.headers, body: text }));
  } catch (error) {
    const appError = toAppError(error);
    log.info({ requestId, code: appError.code, detail: appError.internalDetail }, 'auth request rejected');
    return appError.toResponse(requestId);
  }
}

export function authGet(req: Request): Promise<Response> {
  return forward(req);
}

function forward(req: Request): Promise<Response> {
  const { handlers } = authjs();
  const nextRequest = new NextRequest(req);
  return req.method === 'POST' ? handlers.POST(nextRequest) : handlers.GET(nextRequest);
}

function readText(req: Request): Promise<string> {
  return readBoundedText(req, MAX_AUTH_BODY_BYTES, tooLarge);
}

function parseFields(text: string, contentType: string | null): Record<string, unknown> {
  if (contentType?.toLowerCase().startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function tooLarge(): AppError {
  return new AppError('payload_too_large:auth', { message: 'The request is too large.' });
}
