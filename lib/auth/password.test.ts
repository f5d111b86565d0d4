import { describe, expect, it } from 'vitest';
import { hashPassword, PASSWORD_MAX_LENGTH, passwordProblem, verifyPassword } from './password';

describe('password rules', () => {
  it.each([
    ['short1A', 'too_short'],
    ['aaaaaaaaaa', 'one_class'],
    ['1234567890123', 'one_class'],
    ['ABCDEFGHIJKL', 'one_class'],
    ['!!!!!!!!!!!!', 'one_class'],
    [`${'x'.repeat(PASSWORD_MAX_LENGTH)}1`, 'too_long'],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it.each(['correct horse', 'abcdefghi1', 'Abcdefghij', '密码密码密码密码密码a', 'pässwörd-1x'])(
    'accepts %s',
    (password) => {
      expect(passwordProblem(password)).toBeUndefined();
    },
  );

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('🔑🔑🔑🔑a')).toBe('too_short');
  });

  it('refuses the e-mail address itself', () => {
    expect(passwordProblem('Ann@Example.test', { email: 'ann@example.test' })).toBe('is_email');
    expect(passwordProblem('ann@example.test1', { email: 'ann@example.test' })).toBeUndefined();
  });
});

describe('password hashing', () => {
  it('verifies the right password, rejects a wrong one and a missing or malformed hash', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'correct horse')).toBe(true);
    expect(await verifyPassword(stored, 'correct horsE')).toBe(false);
    expect(await verifyPassword(null, 'correct horse')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'correct horse')).toBe(false);
  });

  it('takes about as long for an unknown account as for a wrong password', async () => {
    const stored = await hashPassword('correct horse');
    await verifyPassword(null, 'warm-up');
    // Interleaved, so load from other test files slows both sides alike.
    let wrong = 0;
    let unknown = 0;
    for (let i = 0; i < 8; i++) {
      let start = performance.now();
      await verifyPassword(stored, 'wrong password');
      wrong += performance.now() - start;
      start = performance.now();
      await verifyPassword(undefined, 'wrong password');
      unknown += performance.now() - start;
    }
    expect(unknown / wrong).toBeGreaterThan(0.5);
    expect(unknown / wrong).toBeLessThan(2);
  });
});
