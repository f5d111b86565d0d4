/**
 * A signed-in session for benchmarks: every API route needs one. Creates an account and signs in
 * through Auth.js like a browser; returns the Cookie header to send with each request.
 */
export async function benchSession(base: string): Promise<string> {
  const email = `bench-${Date.now().toString(36)}@example.test`;
  const password = 'benchmark password 1';
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const signUp = await fetch(`${base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (signUp.status !== 201) throw new Error(`bench sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(), 'x-auth-return-redirect': '1' },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  keep(signIn);
  if (![...jar.keys()].some((name) => name.endsWith('authjs.session-token'))) {
    throw new Error(`bench sign-in failed: ${signIn.status} ${await signIn.text()}`);
  }
  return cookie();
}
