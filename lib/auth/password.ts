import 'server-only';
import { hash, verify } from '@node-rs/argon2';

export * from './password-rules';

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP baseline). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. Without a hash (unknown e-mail, or an account that signs
 * in with GitHub/OIDC only) it verifies against a throwaway hash anyway, so a wrong password and an
 * unknown account take the same time and cannot be told apart.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hash('not-a-real-password-only-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
