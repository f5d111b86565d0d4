import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApp, type TestApp } from '../support/app';

/** proxy.ts: the login redirect (cookie check only) and each page's CSP nonce. */

let app: TestApp;
let proxy: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  app = await loadApp();
  ({ proxy } = await import('@/proxy'));
});

const visit = (path: string, cookie?: string) =>
  proxy(new NextRequest(new URL(path, app.base), { headers: cookie ? { cookie } : {} }));

describe('proxy', () => {
  it('sends signed-out visitors to /login, keeping where they were going', async () => {
    const home = await visit('/');
    expect(home.status).toBe(307);
    expect(new URL(home.headers.get('location')!).pathname).toBe('/login');
    const deep = await visit('/c/123?x=1');
    expect(new URL(deep.headers.get('location')!).searchParams.get('callbackUrl')).toBe('/c/123?x=1');
    const forged = await visit('/settings', 'authjs.session-token=forged');
    expect(forged.status).toBe(307);
  });

  it('lets /login and /share/* through without a session, and signed-in visitors anywhere', async () => {
    for (const path of ['/login', '/share/abc']) expect((await visit(path)).headers.get('location')).toBeNull();
    // A share's images keep the image route's own sandboxing CSP (the proxy adds none).
    const image = await visit('/share/abc/images/00000000-0000-0000-0000-000000000000');
    expect(image.headers.get('location')).toBeNull();
    expect(image.headers.get('content-security-policy')).toBeNull();
    const signedIn = await visit('/settings', app.session.cookie);
    expect(signedIn.headers.get('location')).toBeNull();
    expect(signedIn.headers.get('x-middleware-next')).toBe('1');
  });

  it('gives every page its own script nonce, passed on to the renderer', async () => {
    const [a, b] = await Promise.all([visit('/login'), visit('/login')]);
    const nonceOf = (response: Response) =>
      /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonceOf(a)).toBeTruthy();
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(a.headers.get('x-middleware-request-x-nonce')).toBe(nonceOf(a));
    expect(a.headers.get('x-middleware-request-content-security-policy')).toContain(`'nonce-${nonceOf(a)}'`);
  });
});
