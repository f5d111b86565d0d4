import { type CodegenInput, quoted, sdkBaseUrl } from './shared';

/** Fields the openai SDK does not know: they go in `extra_body`, sent as top-level JSON fields. */
const extraFields = new Set(['thinking', 'user_id', 'chat_template_kwargs']);

/** A JSON value as a Python literal. */
export function toPython(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent + 4);
  const end = ' '.repeat(indent);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${pad}${toPython(item, indent + 4)},`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${pad}${quoted(key)}: ${toPython(item, indent + 4)},`).join('\n')}\n${end}}`;
}

function clientSetup({ request, target }: CodegenInput): string[] {
  const base = quoted(sdkBaseUrl(request));
  switch (target.auth) {
    case 'bearer':
      return [`client = OpenAI(api_key=os.environ["DEEPSEEK_API_KEY"], base_url=${base})`];
    case 'hmac':
      return [
        'def sign(request: httpx.Request) -> None:',
        '    """HMAC-SHA256 over METHOD\\nPATH\\nTIMESTAMP\\nBODY with the secret key, base64."""',
        '    timestamp = str(int(time.time()))',
        '    message = f"{request.method}\\n{request.url.raw_path.decode()}\\n{timestamp}\\n".encode() + request.content',
        '    digest = hmac.new(os.environ["DEEPSEEK_SECRET_KEY"].encode(), message, hashlib.sha256).digest()',
        '    request.headers.pop("Authorization", None)',
        '    request.headers["X-Api-Key"] = os.environ["DEEPSEEK_API_KEY"]',
        '    request.headers["X-Timestamp"] = timestamp',
        '    request.headers["X-Signature"] = base64.b64encode(digest).decode()',
        '',
        '',
        'client = OpenAI(',
        '    api_key=os.environ["DEEPSEEK_API_KEY"],',
        `    base_url=${base},`,
        '    http_client=httpx.Client(event_hooks={"request": [sign]}),',
        ')',
      ];
    case 'oauth2':
      return [
        'token = httpx.post(',
        `    ${quoted(target.tokenUrl ?? '<TOKEN_URL>')},`,
        '    data={"grant_type": "client_credentials"},',
        '    auth=(os.environ["DEEPSEEK_CLIENT_ID"], os.environ["DEEPSEEK_CLIENT_SECRET"]),',
        ').json()["access_token"]',
        `client = OpenAI(api_key=token, base_url=${base})`,
      ];
  }
}

export function pythonSnippet(input: CodegenInput): string {
  const { request, target } = input;
  const imports =
    target.auth === 'hmac'
      ? ['import base64', 'import hashlib', 'import hmac', 'import os', 'import time', '', 'import httpx']
      : target.auth === 'oauth2'
        ? ['import os', '', 'import httpx']
        : ['import os'];
  const args: string[] = [];
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.body)) {
    if (extraFields.has(key)) extra[key] = value;
    else args.push(`    ${key}=${toPython(value, 4)},`);
  }
  if (Object.keys(extra).length > 0) args.push(`    extra_body=${toPython(extra, 4)},`);
  return [
    ...imports,
    '',
    'from openai import OpenAI',
    '',
    ...clientSetup(input),
    '',
    'stream = client.chat.completions.create(',
    ...args,
    ')',
    '',
    'for chunk in stream:',
    '    if chunk.usage:',
    '        print("\\n", chunk.usage)',
    '    if not chunk.choices:',
    '        continue',
    '    delta = chunk.choices[0].delta',
    '    reasoning = getattr(delta, "reasoning_content", None)',
    '    if reasoning:',
    '        print(reasoning, end="", flush=True)',
    '    if delta.content:',
    '        print(delta.content, end="", flush=True)',
    '',
  ].join('\n');
}
