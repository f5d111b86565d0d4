import { type CodegenInput, compactBody } from './shared';

/** POSIX shell single quotes: `'` becomes `'\''`. */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlSnippet({ request, target }: CodegenInput): string {
  const body = compactBody(request);
  const lines: string[] = ['#!/usr/bin/env bash', 'set -euo pipefail', '', `BODY=${shellQuote(body)}`];
  const auth: string[] = [];
  switch (target.auth) {
    case 'bearer':
      auth.push('-H "Authorization: Bearer $DEEPSEEK_API_KEY"');
      break;
    case 'hmac':
      lines.push(
        '# HMAC-SHA256 over METHOD\\nPATH\\nTIMESTAMP\\nBODY with the secret key, base64.',
        'TS=$(date +%s)',
        `SIG=$(printf '%s\\n%s\\n%s\\n%s' POST ${shellQuote(request.path)} "$TS" "$BODY" | openssl dgst -sha256 -hmac "$DEEPSEEK_SECRET_KEY" -binary | base64)`,
      );
      auth.push('-H "X-Api-Key: $DEEPSEEK_API_KEY"', '-H "X-Timestamp: $TS"', '-H "X-Signature: $SIG"');
      break;
    case 'oauth2':
      lines.push(
        '# OAuth2 client credentials: fetch an access token first (needs jq).',
        `TOKEN=$(curl -sS -u "$DEEPSEEK_CLIENT_ID:$DEEPSEEK_CLIENT_SECRET" -d grant_type=client_credentials ${shellQuote(target.tokenUrl ?? '<TOKEN_URL>')} | jq -r .access_token)`,
      );
      auth.push('-H "Authorization: Bearer $TOKEN"');
      break;
  }
  lines.push(
    '',
    `curl -sS -N ${shellQuote(request.url)} \\`,
    ...auth.map((header) => `  ${header} \\`),
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'Accept: text/event-stream' \\`,
    '  --data-raw "$BODY"',
    '',
  );
  return lines.join('\n');
}
