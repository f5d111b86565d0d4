import type { AuthOptions, TokenStore } from './auth';
import { jsonResponse } from './errors';
import { safeEqual } from './hmac';
import type { SimulatorRecorder } from './recorder';

/**
 * `POST /oauth/token` — the client-credentials grant (RFC 6749 §4.4). Client credentials come in
 * HTTP Basic (preferred by the RFC) or in the body; the body is form-encoded or JSON.
 */

type OAuth = Extract<AuthOptions, { scheme: 'oauth2' }>;

const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };

export function parseTokenBody(request: Request, text: string): Record<string, string> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== 'object') return {};
      return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function basicCredentials(request: Request): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec((request.headers.get('authorization') ?? '').trim());
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

export function issueToken(
  auth: OAuth,
  request: Request,
  form: Record<string, string>,
  tokens: TokenStore,
  recorder: SimulatorRecorder,
): Response {
  if (form.grant_type !== 'client_credentials') {
    return jsonResponse(400, { error: 'unsupported_grant_type' }, noStore);
  }
  const basic = basicCredentials(request);
  const id = basic?.id ?? form.client_id ?? '';
  const secret = basic?.secret ?? form.client_secret ?? '';
  // Compare both before deciding so a wrong id and a wrong secret take the same time.
  const idOk = safeEqual(id, auth.clientId);
  const secretOk = safeEqual(secret, auth.clientSecret);
  if (!(idOk && secretOk)) {
    return jsonResponse(
      401,
      { error: 'invalid_client' },
      { ...noStore, 'www-authenticate': 'Basic realm="simulator"' },
    );
  }
  const ttl = auth.tokenTtlSeconds ?? 3600;
  const accessToken = tokens.issue(ttl);
  recorder.tokenIssued();
  return jsonResponse(200, { access_token: accessToken, token_type: 'Bearer', expires_in: ttl }, noStore);
}
