import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig, type NextAuthResult } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import { getDb } from '@/lib/db/client';
import { createSession, deleteExpiredSessions, deleteSession, getSessionUser } from '@/lib/db/queries/sessions';
import { env, secureCookies } from '@/lib/env';
import { log } from '@/lib/log';
import { checkCredentials, type SignInRefusal, signUpGuest } from './accounts';
import { studioAdapter } from './adapter';
import { authSecret } from './secret';
import { sessionMaxAgeSeconds } from './session-token';

class Refused extends CredentialsSignin {
  constructor(code: SignInRefusal) {
    super();
    this.code = code;
  }
}

/** Which sign-in buttons the login page shows. */
export interface SignInOptions {
  github: boolean;
  oidc: { name: string } | null;
}

export function signInOptions(): SignInOptions {
  return {
    github: Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
    oidc: env.AUTH_OIDC_ISSUER ? { name: env.AUTH_OIDC_NAME } : null,
  };
}

function providers(): NextAuthConfig['providers'] {
  const list: NextAuthConfig['providers'] = [
    Credentials({
      id: 'credentials',
      credentials: { email: {}, password: {} },
      authorize: async (raw) => {
        const result = await checkCredentials(raw);
        if (!result.ok) throw new Refused(result.refusal);
        return result.user;
      },
    }),
    Credentials({
      id: 'guest',
      name: 'Guest',
      credentials: {},
      authorize: () => signUpGuest(),
    }),
  ];
  const options = signInOptions();
  if (options.github) list.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  if (options.oidc) {
    list.push({
      id: 'oidc',
      name: options.oidc.name,
      type: 'oidc',
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
    });
  }
  return list;
}

/**
 * Auth.js with JWT sessions (Credentials requires them) made revocable: signing in creates a
 * `user_sessions` row whose id rides in the JWT as `sid`; route handlers (lib/auth/current-user.ts)
 * and Auth.js's own session endpoint accept the JWT only while that row exists; signing out deletes
 * it. Secrets and cookie settings are passed explicitly, from lib/env.ts.
 */
export function authConfig(): NextAuthConfig {
  const maxAge = sessionMaxAgeSeconds();
  return {
    secret: authSecret(),
    trustHost: env.AUTH_TRUST_HOST,
    useSecureCookies: secureCookies(),
    basePath: '/api/auth',
    session: { strategy: 'jwt', maxAge },
    adapter: studioAdapter(),
    providers: providers(),
    pages: { signIn: '/login', error: '/login' },
    callbacks: {
      signIn: ({ user }) => !(user as { disabledAt?: Date | null }).disabledAt,
      async jwt({ token, user }) {
        const db = await getDb();
        if (user?.id) {
          const [session] = await Promise.all([
            createSession(db, user.id, new Date(Date.now() + maxAge * 1000)),
            deleteExpiredSessions(db, { userId: user.id }),
          ]);
          return { sub: user.id, sid: session.id, name: user.name, email: user.email, picture: user.image };
        }
        if (!token.sid || !token.sub) return null;
        const current = await getSessionUser(db, token.sid, token.sub);
        if (!current) return null;
        return { ...token, name: current.name, email: current.email, role: current.role };
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub ?? '', role: token.role } };
      },
    },
    events: {
      async signOut(message) {
        const sid = 'token' in message ? message.token?.sid : undefined;
        if (sid) await deleteSession(await getDb(), sid);
      },
    },
    logger: {
      error(error) {
        // A wrong password is routine, not a server error.
        if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return;
        log.warn({ err: error.name, detail: error.message }, 'auth error');
      },
      warn(code) {
        log.warn({ code }, 'auth warning');
      },
      debug() {},
    },
  };
}

const globalAuth = globalThis as typeof globalThis & { __studioAuth?: NextAuthResult };

/** Built on first use (it reads or creates the secret), shared across Next's module instances. */
export function authjs(): NextAuthResult {
  if (!globalAuth.__studioAuth) {
    if (secureCookies() && env.AUTH_URL?.startsWith('http://')) {
      log.warn('AUTH_URL is plain http but session cookies are Secure: browsers will drop them (AUTH_SECURE_COOKIES)');
    }
    globalAuth.__studioAuth = NextAuth(authConfig());
  }
  return globalAuth.__studioAuth;
}
