import type { UpstreamRequest } from '../request';
import type { UpstreamTarget } from '../target';

/** What every generator gets: the built request and how the upstream authenticates. */
export interface CodegenInput {
  request: UpstreamRequest;
  target: Pick<UpstreamTarget, 'auth' | 'tokenUrl' | 'provider'>;
}

/** The SDKs' `baseURL`: the request URL without the endpoint path. */
export function sdkBaseUrl(request: UpstreamRequest): string {
  return request.url.replace(/\/chat\/completions$/, '');
}

/** The JSON body exactly as the server sends it (one line: what an HMAC signature covers). */
export function compactBody(request: UpstreamRequest): string {
  return JSON.stringify(request.body);
}

export function prettyBody(request: UpstreamRequest, indent = 2): string {
  return JSON.stringify(request.body, null, indent);
}

/** A double-quoted string literal valid in Go, Java, TypeScript and Python (JSON escapes). */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** Re-indents every line after the first of a multi-line block. */
export function indentRest(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? line : `${pad}${line}`))
    .join('\n');
}
