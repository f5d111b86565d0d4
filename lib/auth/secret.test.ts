import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { authSecret, SECRET_FILE } from './secret';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'studio-secret-'));

describe('the session secret', () => {
  it('uses AUTH_SECRET when set', () => {
    const secret = 'x'.repeat(40);
    expect(authSecret(parseEnv({ AUTH_SECRET: secret, DATA_DIR: dataDir() }))).toBe(secret);
  });

  it('refuses a short AUTH_SECRET', () => {
    expect(() => parseEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: use at least 32 characters/);
  });

  it('outside production, generates one secret in DATA_DIR (owner-only) and keeps it', () => {
    const dir = dataDir();
    const config = parseEnv({ NODE_ENV: 'development', DATA_DIR: dir });
    const first = authSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(authSecret(config)).toBe(first);
    const file = path.join(dir, SECRET_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reads a secret another process wrote first', () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, SECRET_FILE), `${'s'.repeat(44)}\n`);
    expect(authSecret(parseEnv({ NODE_ENV: 'development', DATA_DIR: dir }))).toBe('s'.repeat(44));
  });

  it('in production, requires AUTH_SECRET unless AUTH_GENERATE_SECRET=true', () => {
    const dir = dataDir();
    expect(() => authSecret(parseEnv({ NODE_ENV: 'production', DATA_DIR: dir }))).toThrow(/AUTH_SECRET: required/);
    const generated = authSecret(parseEnv({ NODE_ENV: 'production', DATA_DIR: dir, AUTH_GENERATE_SECRET: 'true' }));
    expect(generated).toBe(readFileSync(path.join(dir, SECRET_FILE), 'utf8').trim());
  });

  it('wants GitHub and OIDC settings complete or absent', () => {
    expect(() => parseEnv({ AUTH_GITHUB_ID: 'id' })).toThrow(/AUTH_GITHUB_SECRET: required with AUTH_GITHUB_ID/);
    expect(() => parseEnv({ AUTH_OIDC_ISSUER: 'https://id.example.com', AUTH_OIDC_ID: 'x' })).toThrow(
      /AUTH_OIDC_SECRET/,
    );
    expect(parseEnv({ AUTH_TRUST_HOST: 'false' }).AUTH_TRUST_HOST).toBe(false);
    expect(parseEnv({}).AUTH_TRUST_HOST).toBe(true);
  });
});
