/**
 * Drives the real Auth.js endpoints the way the browser does (CSRF token, form POST with
 * X-Auth-Return-Redirect, cookies), against the exported route handlers.
 */

type Handler = (req: Request) => Promise<Response>;

export interface AuthRoutes {
  GET: Handler;
  POST: Handler;
}

export class CookieJar {
  readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line);
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface SignInResult {
  status: number;
  /** Auth.js's redirect target; carries `error` and `code` on a refusal */
  url?: string;
  error?: string | null;
  code?: string | null;
  body: unknown;
  response: Response;
}

export function authClient(routes: AuthRoutes, base = 'http://localhost:3000', jar = new CookieJar()) {
  const send = async (handler: Handler, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.cookies.size > 0) headers.set('cookie', jar.header());
    const response = await handler(new Request(new URL(path, base), { ...init, headers }));
    jar.store(response);
    return response;
  };

  async function csrfToken(): Promise<string> {
    const response = await send(routes.GET, '/api/auth/csrf');
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  async function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), callbackUrl: `${base}/` });
    const response = await send(routes.POST, path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1', ...headers },
      body,
    });
    const json = (await response.clone().json()) as { url?: string };
    const url = json.url ? new URL(json.url) : undefined;
    return {
      status: response.status,
      url: json.url,
      error: url?.searchParams.get('error'),
      code: url?.searchParams.get('code'),
      body: json,
      response,
    } satisfies SignInResult;
  }

  return {
    jar,
    csrfToken,
    signIn: (email: string, password: string, headers?: Record<string, string>) =>
      post('/api/auth/callback/credentials', { email, password }, headers),
    signInAsGuest: (headers?: Record<string, string>) => post('/api/auth/callback/guest', {}, headers),
    signOut: () => post('/api/auth/signout', {}),
    session: async () =>
      (await send(routes.GET, '/api/auth/session')).json() as Promise<Record<string, unknown> | null>,
    /** A Request carrying this client's cookies, for any other route. */
    request(path: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (jar.cookies.size > 0) headers.set('cookie', jar.header());
      return new Request(new URL(path, base), { ...init, headers });
    },
  };
}

export type AuthClient = ReturnType<typeof authClient>;
