import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assertServerEnv, type Env, env } from '@/lib/env';

export const SECRET_FILE = 'auth-secret';

let cached: string | undefined;

/**
 * The key session cookies are encrypted with. AUTH_SECRET when set; otherwise (outside production,
 * or with AUTH_GENERATE_SECRET=true; anything else is refused) a random secret generated on
 * first use and kept in DATA_DIR, so sessions survive restarts without any configuration.
 */
export function authSecret(config: Env = env): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  assertServerEnv(config);
  if (config === env && cached) return cached;
  const secret = readOrCreateSecret(path.join(config.DATA_DIR, SECRET_FILE));
  if (config === env) cached = secret;
  return secret;
}

function readOrCreateSecret(file: string): string {
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: when two processes start at once, the second one fails here and reads the first one's.
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const created = readSecret(file);
  if (!created) throw new Error(`could not read the generated session secret in ${file}`);
  return created;
}

function readSecret(file: string): string | undefined {
  try {
    const value = readFileSync(file, 'utf8').trim();
    return value.length >= 32 ? value : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
