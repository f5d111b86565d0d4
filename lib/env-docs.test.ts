import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from './env';

/** Every variable in README's configuration table, in table order. */
function documentedVariables(): string[] {
  const readme = readFileSync(path.join(process.cwd(), 'README.md'), 'utf8');
  return [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` +\|/gm)].map((match) => match[1] as string);
}

describe('README configuration table', () => {
  it('documents exactly the variables lib/env.ts reads, each once', () => {
    const documented = documentedVariables();
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
