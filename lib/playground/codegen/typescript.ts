// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are the generated program's own template literals
import { type CodegenInput, indentRest, prettyBody, quoted, sdkBaseUrl } from './shared';

/** A fetch that signs each request like lib/upstream/auth.ts (and the simulator's verifier) expect. */
export const tsHmacFetch = [
  '// HMAC-SHA256 over METHOD\\nPATH\\nTIMESTAMP\\nBODY with the secret key, base64.',
  'const signedFetch: typeof fetch = async (input, init) => {',
  '  const url = new URL(input instanceof Request ? input.url : String(input));',
  "  const body = typeof init?.body === 'string' ? init.body : '';",
  '  const timestamp = String(Math.floor(Date.now() / 1000));',
  "  const signature = createHmac('sha256', process.env.DEEPSEEK_SECRET_KEY ?? '')",
  "    .update(`${(init?.method ?? 'GET').toUpperCase()}\\n${url.pathname}${url.search}\\n${timestamp}\\n`)",
  '    .update(body)',
  "    .digest('base64');",
  '  const headers = new Headers(init?.headers);',
  "  headers.delete('authorization');",
  "  headers.set('x-api-key', process.env.DEEPSEEK_API_KEY ?? '');",
  "  headers.set('x-timestamp', timestamp);",
  "  headers.set('x-signature', signature);",
  '  return fetch(input, { ...init, headers });',
  '};',
];

/** Client-credentials token (oauth2 upstreams). */
export function tsTokenFetch(tokenUrl: string | undefined): string[] {
  return [
    'const credentials = Buffer.from(`${process.env.DEEPSEEK_CLIENT_ID}:${process.env.DEEPSEEK_CLIENT_SECRET}`);',
    `const tokenResponse = await fetch(${quoted(tokenUrl ?? '<TOKEN_URL>')}, {`,
    "  method: 'POST',",
    "  headers: { authorization: `Basic ${credentials.toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },",
    "  body: 'grant_type=client_credentials',",
    '});',
    'const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };',
  ];
}

export function typescriptSnippet({ request, target }: CodegenInput): string {
  const base = quoted(sdkBaseUrl(request));
  const imports = [
    ...(target.auth === 'hmac' ? ["import { createHmac } from 'node:crypto';"] : []),
    "import OpenAI from 'openai';",
  ];
  const client =
    target.auth === 'hmac'
      ? [
          ...tsHmacFetch,
          '',
          `const client = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: ${base}, fetch: signedFetch });`,
        ]
      : target.auth === 'oauth2'
        ? [...tsTokenFetch(target.tokenUrl), `const client = new OpenAI({ apiKey: accessToken, baseURL: ${base} });`]
        : [`const client = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: ${base} });`];
  return [
    ...imports,
    '',
    ...client,
    '',
    '// DeepSeek-only fields (thinking, user_id, prefix …) are not in the OpenAI types; the SDK sends them as given.',
    `const body = ${indentRest(prettyBody(request), 0)};`,
    '',
    'const stream = await client.chat.completions.create(body as unknown as OpenAI.ChatCompletionCreateParamsStreaming);',
    'for await (const chunk of stream) {',
    '  const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning_content?: string | null } | undefined;',
    '  if (delta?.reasoning_content) process.stdout.write(delta.reasoning_content);',
    '  if (delta?.content) process.stdout.write(delta.content);',
    "  if (chunk.usage) console.log('\\n', chunk.usage);",
    '}',
    '',
  ].join('\n');
}
