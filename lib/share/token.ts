import 'server-only';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';

/**
 * Share tokens: 24 random bytes (192 bits) from the OS CSPRNG, base64url (32 characters). Never
 * derived from the conversation id. The database keeps the SHA-256 (for lookup; a fast hash is
 * enough for a 192-bit random value) and the token sealed with AES-256-GCM under a key derived from
 * the session secret, so the owner's list can copy the link again but a database dump alone cannot.
 */
export const tokenBytes = 24;
export const tokenPattern = /^[A-Za-z0-9_-]{32}$/;

export function newShareToken(): string {
  return randomBytes(tokenBytes).toString('base64url');
}

export function isShareTokenShape(value: string): boolean {
  return tokenPattern.test(value);
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sealingKey(): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret(), 'deepseek-studio', 'share-token-seal', 32));
}

export function sealShareToken(token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

/** The token, or undefined when the secret changed since it was sealed (the link still works). */
export function unsealShareToken(sealed: string | null): string | undefined {
  if (!sealed) return undefined;
  try {
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    if (!iv || !tag || !data) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
