/**
 * Password rules (documented in docs/API.md): at least 10 and at most 256 characters, from at least
 * two of four classes (lower-case letters, upper-case letters, digits, anything else — symbols,
 * spaces, letters without case such as CJK), and not the account's own e-mail address. Length
 * matters most; the class rule only turns away the weakest long passwords ("aaaaaaaaaa",
 * "1234567890"). The upper bound keeps hashing cost bounded.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'one_class' | 'is_email';

const problemMessages: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  too_long: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  one_class: 'Mix at least two kinds of characters: lower-case, upper-case, digits, symbols.',
  is_email: 'Do not use your e-mail address as the password.',
};

export function describePasswordProblem(problem: PasswordProblem): string {
  return problemMessages[problem];
}

export function passwordProblem(
  password: string,
  context: { email?: string | null } = {},
): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((pattern) =>
    pattern.test(password),
  );
  if (classes.length < 2) return 'one_class';
  if (context.email && password.trim().toLowerCase() === context.email.trim().toLowerCase()) return 'is_email';
  return undefined;
}
