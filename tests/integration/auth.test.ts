import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { userSessions, users } from '@/lib/db/schema';
import { loadApp, type TestApp } from '../support/app';
import { type AuthClient, authClient } from '../support/auth-client';

/** Accounts through the real Auth.js endpoints and the app's own account routes. */

let app: TestApp;
let auth: typeof import('@/app/api/auth/[...nextauth]/route');
let signUpRoute: typeof import('@/app/api/auth/sign-up/route');
let account: typeof import('@/app/api/account/route');
let password: typeof import('@/app/api/account/password/route');

beforeAll(async () => {
  process.env.TRUSTED_PROXY_HOPS = '1';
  app = await loadApp();
  auth = await import('@/app/api/auth/[...nextauth]/route');
  signUpRoute = await import('@/app/api/auth/sign-up/route');
  account = await import('@/app/api/account/route');
  password = await import('@/app/api/account/password/route');
});

/** Response bodies, read loosely: the assertions say what they must hold. */
// biome-ignore lint/suspicious/noExplicitAny: JSON read back in tests
type Json = Record<string, any>;

const newEmail = () => `${randomUUID().slice(0, 8)}@accounts.test`;
const GOOD_PASSWORD = 'correct horse 42';
let ipCounter = 0;
/** A fresh client address per test, so per-IP limits of one test do not reach the next. */
const freshIp = () => ({ 'x-forwarded-for': `203.0.113.${++ipCounter}` });

async function signUp(body: unknown, headers: Record<string, string> = {}) {
  const response = await signUpRoute.POST(
    new Request(`${app.base}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Json, response };
}

async function whoAmI(client: AuthClient) {
  const response = await account.GET(client.request('/api/account'));
  return { status: response.status, body: (await response.json()) as Json };
}

async function registered(email = newEmail()) {
  const created = await signUp({ email, password: GOOD_PASSWORD, name: 'Ann' }, freshIp());
  expect(created.status).toBe(201);
  return email;
}

describe('sign-up, sign-in, sign-out', () => {
  it('signs up, signs in with an HttpOnly SameSite=Lax cookie, and signs out for good', async () => {
    const email = await registered();
    const client = authClient(auth);
    const signedIn = await client.signIn(email.toUpperCase(), GOOD_PASSWORD, freshIp());
    expect(signedIn.error).toBeFalsy();
    const cookieLine = signedIn.response.headers
      .getSetCookie()
      .find((line) => line.startsWith('authjs.session-token='));
    expect(cookieLine).toMatch(/HttpOnly/i);
    expect(cookieLine).toMatch(/SameSite=Lax/i);
    expect(cookieLine).toMatch(/Path=\//i);

    const me = await whoAmI(client);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email, name: 'Ann', role: 'user', hasPassword: true });
    expect(me.body.user).not.toHaveProperty('passwordHash');
    expect((await client.session())?.user).toMatchObject({ email, role: 'user' });

    const stolenCookie = client.jar.header();
    await client.signOut();
    expect(await app.db.$count(userSessions, eq(userSessions.userId, me.body.user.id))).toBe(0);
    // The old cookie, replayed after sign-out, is worthless: the session row is gone.
    const replay = await account.GET(new Request(`${app.base}/api/account`, { headers: { cookie: stolenCookie } }));
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('unauthorized:auth');
  });

  it('answers a wrong password and an unknown e-mail the same way, without a session', async () => {
    const email = await registered();
    const wrong = await authClient(auth).signIn(email, 'not the password 1', freshIp());
    const unknown = await authClient(auth).signIn(newEmail(), 'not the password 1', freshIp());
    for (const refusal of [wrong, unknown]) {
      expect(refusal.error).toBe('CredentialsSignin');
      expect(refusal.code).toBe('invalid_credentials');
      expect(refusal.response.headers.getSetCookie().some((line) => line.includes('session-token=ey'))).toBe(false);
    }
    expect(wrong.status).toBe(unknown.status);
    expect(new URL(wrong.url!).search).toBe(new URL(unknown.url!).search);

    // Oversized fields: a long password is just wrong; a body past the cap is refused unread.
    expect((await authClient(auth).signIn(email, 'p'.repeat(2000), freshIp())).code).toBe('invalid_credentials');
    const huge = await authClient(auth).signIn(email, 'p'.repeat(20_000), freshIp());
    expect(huge.status).toBe(413);
    expect((huge.body as Json).error.code).toBe('payload_too_large:auth');
  });

  it('rejects weak passwords, bad e-mails and oversized fields in words, creating nothing', async () => {
    const email = newEmail();
    const cases: [unknown, number, string | undefined][] = [
      [{ email, password: 'short1' }, 400, 'too_short'],
      [{ email, password: 'aaaaaaaaaaaa' }, 400, 'one_class'],
      [{ email, password: email }, 400, 'is_email'],
      [{ email: 'not-an-email', password: GOOD_PASSWORD }, 400, undefined],
      [{ email, password: GOOD_PASSWORD, name: 'x'.repeat(101) }, 400, undefined],
      [{ email, password: 'p1'.repeat(600) }, 400, undefined],
      [{ email, password: GOOD_PASSWORD, role: 'admin' }, 400, undefined],
      [JSON.stringify({ email, password: GOOD_PASSWORD, name: 'y'.repeat(5000) }), 413, undefined],
    ];
    for (const [body, status, reason] of cases) {
      const result = await signUp(body, freshIp());
      expect(result.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(result.body.error.message.length).toBeGreaterThan(5);
      if (reason) expect(result.body.error.details.reason).toBe(reason);
    }
    expect(await app.db.$count(users, eq(users.email, email))).toBe(0);
  });

  it('answers a taken e-mail with a generic sentence and leaves the account alone', async () => {
    const email = await registered();
    const again = await signUp(
      { email: ` ${email.toUpperCase()} `, password: 'another pass 99', name: 'Eve' },
      freshIp(),
    );
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/could not create an account/i);
    expect(again.body.error.message).not.toMatch(/exist|taken|already registered/i);
    const [row] = await app.db.select().from(users).where(eq(users.email, email));
    expect(row?.name).toBe('Ann');
    expect((await authClient(auth).signIn(email, GOOD_PASSWORD, freshIp())).error).toBeFalsy();
  });

  it('refuses forged, foreign-secret and expired session cookies', async () => {
    const { encode } = await import('@auth/core/jwt');
    const { sessionCookieName } = await import('@/lib/auth/session-token');
    const name = sessionCookieName();
    const claims = { sub: app.session.user.id, sid: app.session.sessionId };
    const foreign = await encode({ token: claims, secret: 'another-secret-0123456789abcdef-xyz', salt: name });
    const expired = await encode({ token: claims, secret: process.env.AUTH_SECRET!, salt: name, maxAge: -60 });
    for (const value of ['garbage', foreign, expired, `${app.session.cookie.split('=')[1]}x`]) {
      const response = await account.GET(
        new Request(`${app.base}/api/account`, { headers: { cookie: `${name}=${value}` } }),
      );
      expect(response.status).toBe(401);
    }
    expect((await account.GET(app.request('/api/account'))).status).toBe(200);
  });
});

describe('guests', () => {
  it('one click creates a guest user with a session, limited to the flash model', async () => {
    const client = authClient(auth);
    const result = await client.signInAsGuest(freshIp());
    expect(result.error).toBeFalsy();
    const me = await whoAmI(client);
    expect(me.body.user).toMatchObject({ role: 'guest', email: null, hasPassword: false });

    const { chat } = app.routes;
    const ask = (model: string) =>
      chat.POST(
        client.request('/api/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            message: { id: randomUUID(), role: 'user', parts: [{ type: 'text', text: `hi from ${model}` }] },
            model,
            params: {},
          }),
        }),
      );
    const { models } = app.routes;
    const offered = (await (await models.GET(client.request('/api/models'))).json()) as {
      defaultModel: string;
      models: { id: string }[];
      aliases: { target: string }[];
    };
    expect(offered.models.map((model) => model.id)).toEqual(['deepseek-flash']);
    expect(offered.defaultModel).toBe('deepseek-flash');
    expect(offered.aliases.every((alias) => alias.target === 'deepseek-flash')).toBe(true);

    const refused = await ask('deepseek-v4-pro');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden:model');
    const { conversations } = await import('@/lib/db/schema');
    expect(await app.db.$count(conversations, eq(conversations.ownerId, me.body.user.id))).toBe(0);
    const allowed = await ask('deepseek-flash');
    expect(allowed.status).toBe(200);
    await allowed.text();
  });
});

describe('change password', () => {
  it('needs the current password and a strong new one, then ends the other sessions', async () => {
    const email = await registered();
    const laptop = authClient(auth);
    const phone = authClient(auth);
    await laptop.signIn(email, GOOD_PASSWORD, freshIp());
    await phone.signIn(email, GOOD_PASSWORD, freshIp());
    const change = (body: unknown) =>
      password.POST(
        laptop.request('/api/account/password', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...freshIp() },
          body: JSON.stringify(body),
        }),
      );
    const wrong = await change({ currentPassword: 'wrong password 1', newPassword: 'brand new pass 7' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as Json).error.details.reason).toBe('wrong_password');
    const weak = await change({ currentPassword: GOOD_PASSWORD, newPassword: 'weak' });
    expect(((await weak.json()) as Json).error.details.reason).toBe('too_short');
    expect((await whoAmI(phone)).status).toBe(200);

    expect((await change({ currentPassword: GOOD_PASSWORD, newPassword: 'brand new pass 7' })).status).toBe(204);
    expect((await whoAmI(laptop)).status).toBe(200);
    expect((await whoAmI(phone)).status).toBe(401);
    expect((await authClient(auth).signIn(email, GOOD_PASSWORD, freshIp())).code).toBe('invalid_credentials');
    expect((await authClient(auth).signIn(email, 'brand new pass 7', freshIp())).error).toBeFalsy();
  });

  it('tells a guest that the account has no password', async () => {
    const guest = await app.signIn('guest');
    const response = await password.POST(
      guest.request('/api/account/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword: 'whatever 123', newPassword: 'brand new pass 7' }),
      }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).error.details.reason).toBe('no_password');
  });
});

describe('rate limits', () => {
  it('locks an account after repeated failures, from any address, with Retry-After', async () => {
    const email = await registered();
    for (let i = 0; i < 5; i++) {
      expect((await authClient(auth).signIn(email, `wrong password ${i}`, freshIp())).code).toBe('invalid_credentials');
    }
    const locked = await authClient(auth).signIn(email, GOOD_PASSWORD, freshIp());
    expect(locked.status).toBe(429);
    expect(Number(locked.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((locked.body as Json).error.code).toBe('rate_limit:auth');
  });

  it('limits attempts per client address; a forged X-Forwarded-For entry does not escape it', async () => {
    const proxyAddress = '198.51.100.7';
    let last: Awaited<ReturnType<AuthClient['signIn']>> | undefined;
    for (let i = 0; i < 11; i++) {
      // The client forges the left part; the trusted proxy appends the real address on the right.
      last = await authClient(auth).signIn(newEmail(), 'not the password 1', {
        'x-forwarded-for': `10.0.0.${i}, ${proxyAddress}`,
      });
    }
    expect(last?.status).toBe(429);
    expect(last?.response.headers.get('retry-after')).toMatch(/^\d+$/);
    const signUps = [];
    for (let i = 0; i < 6; i++) {
      signUps.push(
        (await signUp({ email: newEmail(), password: GOOD_PASSWORD }, { 'x-forwarded-for': '198.51.100.9' })).status,
      );
    }
    expect(signUps.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(signUps[5]).toBe(429);
  });
});

describe('cross-site requests', () => {
  it('refuses cross-site sign-ins, sign-ups and form bodies', async () => {
    const email = await registered();
    const crossSite = await authClient(auth).signIn(email, GOOD_PASSWORD, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const evil = await signUp({ email: newEmail(), password: GOOD_PASSWORD }, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    const form = await signUp(`email=${newEmail()}&password=x`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const plain = await signUp('{}', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
  });
});
