import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '@/lib/models';
import { buildUpstreamRequest } from '../request';
import { defaultState, type PlaygroundState } from '../state';
import type { UpstreamTarget } from '../target';
import { type CodeLanguage, codeLanguages, generators } from './index';
import { JAVA_CLASS } from './java';

const spec = createRegistry().get('deepseek-flash')!;
const state: PlaygroundState = {
  ...defaultState('deepseek-flash'),
  system: "Be brief. Don't use markdown.",
  messages: [
    { role: 'user', content: 'Say "hi" in JSON, with a \\ backslash and a $dollar and `backtick`' },
    { role: 'assistant', content: '{"greeting":' },
  ],
  temperature: 0.2,
  topP: 0.9,
  maxTokens: 256,
  stop: ['END'],
  jsonOutput: true,
};
const targets: Record<UpstreamTarget['auth'], UpstreamTarget> = {
  bearer: { baseURL: 'https://api.deepseek.com', provider: 'deepseek', auth: 'bearer', endUserId: 'u_abc' },
  hmac: { baseURL: 'https://gateway.example.com/v1', provider: 'deepseek', auth: 'hmac' },
  oauth2: {
    baseURL: 'https://llm.example.com/v1',
    provider: 'openai-compatible',
    auth: 'oauth2',
    tokenUrl: 'https://auth.example.com/oauth/token',
  },
};
const requestFor = (auth: UpstreamTarget['auth']) => buildUpstreamRequest(state, spec, targets[auth]);
const snippet = (language: CodeLanguage, auth: UpstreamTarget['auth']) =>
  generators[language].generate({ request: requestFor(auth), target: targets[auth] });

const workDir = mkdtempSync(join(tmpdir(), 'codegen-'));
const hasTool = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe.each(['bearer', 'hmac', 'oauth2'] as const)('generated code (%s auth)', (auth) => {
  it.each(codeLanguages)('%s matches its snapshot and never contains a secret value', (language) => {
    const code = snippet(language, auth);
    expect(code).toMatchSnapshot();
    expect(code).not.toMatch(/sk-[a-z0-9-]{8,}/i);
    expect(code).toContain('DEEPSEEK_');
  });

  it('curl: the body it sends parses to exactly the built body, and bash accepts the script', () => {
    const code = snippet('curl', auth);
    const file = join(workDir, `request-${auth}.sh`);
    writeFileSync(file, code);
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
    // Evaluate only the BODY assignment, then print it: shell quoting must round-trip.
    const assignment = code.split('\n').find((line) => line.startsWith('BODY='))!;
    const printed = execFileSync('bash', ['-c', `${assignment}\nprintf '%s' "$BODY"`], { encoding: 'utf8' });
    expect(JSON.parse(printed)).toEqual(requestFor(auth).body);
    expect(code).toContain(requestFor(auth).url);
  });

  it('python: compiles (python3 -m py_compile)', () => {
    const file = join(workDir, `request_${auth}.py`);
    writeFileSync(file, snippet('python', auth));
    const result = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(['typescript', 'ai-sdk'] as const)('%s: parses as TypeScript without syntax errors', (language) => {
    const output = ts.transpileModule(snippet(language, auth), {
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    expect(output.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('typescript: the body literal equals the built body', () => {
    const code = snippet('typescript', auth);
    const literal = code.slice(
      code.lastIndexOf('const body = ') + 'const body = '.length,
      code.indexOf(';\n\nconst stream'),
    );
    expect(JSON.parse(literal)).toEqual(requestFor(auth).body);
  });

  it('go: structurally sound (gofmt when installed; otherwise balanced braces and every import used)', () => {
    const code = snippet('go', auth);
    const file = join(workDir, `main_${auth}.go`);
    writeFileSync(file, code);
    if (hasTool('gofmt')) {
      expect(spawnSync('gofmt', ['-l', file], { encoding: 'utf8' }).stdout).toBe('');
    }
    expect(code.startsWith('package main\n')).toBe(true);
    const outside = code.replace(/"(?:[^"\\\n]|\\.)*"|`[^`]*`/g, '""');
    expect(outside.split('{').length).toBe(outside.split('}').length);
    expect(outside.split('(').length).toBe(outside.split(')').length);
    const imports = [...code.matchAll(/^\t"([^"]+)"$/gm)].map((match) => match[1]!.split('/').at(-1)!);
    for (const name of imports) expect(code).toMatch(new RegExp(`\\b${name}\\.`));
    const literal = /\tbody := (".*")\n/.exec(code)?.[1] ?? '""';
    expect(JSON.parse(JSON.parse(literal) as string)).toEqual(requestFor(auth).body);
  });

  it('java: compiles with javac', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(workDir, `java-${auth}-`));
    const file = join(dir, `${JAVA_CLASS}.java`);
    writeFileSync(file, snippet('java', auth));
    if (!hasTool('javac')) {
      expect(snippet('java', auth)).toContain(`public class ${JAVA_CLASS}`);
      return;
    }
    const result = spawnSync('javac', ['-d', dir, file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('what the snippets send', () => {
  it('DeepSeek fields the OpenAI SDKs do not know travel in extra_body (Python) or as-is (TypeScript)', () => {
    const python = snippet('python', 'bearer');
    expect(python).toContain('extra_body={');
    expect(python).toContain('"thinking": {');
    expect(python).toContain('"user_id": "u_abc"');
    expect(python).toContain('"prefix": True');
  });

  it('prefix completion goes to the /beta base URL on DeepSeek', () => {
    expect(requestFor('bearer').url).toBe('https://api.deepseek.com/beta/chat/completions');
    expect(requestFor('hmac').url).toBe('https://gateway.example.com/beta/chat/completions');
    expect(snippet('ai-sdk', 'bearer')).toContain('baseURL: "https://api.deepseek.com/beta"');
    expect(snippet('ai-sdk', 'bearer')).toContain('"prefix": true');
  });

  it('the AI SDK snippet maps the body to streamText options', () => {
    const code = snippet('ai-sdk', 'bearer');
    expect(code).toContain('temperature: 0.2');
    expect(code).toContain('maxOutputTokens: 256');
    expect(code).toContain('output: Output.json()');
    expect(snippet('ai-sdk', 'oauth2')).toContain("createOpenAICompatible({ name: 'upstream'");
  });
});
