import { randomUUID } from 'node:crypto';

const acceptable = /^[A-Za-z0-9._:-]{8,128}$/;

/** Reuse a well-formed incoming X-Request-ID (from a trusted proxy or a script), else mint one. */
export function newRequestId(incoming?: string | null): string {
  return incoming && acceptable.test(incoming) ? incoming : `req_${randomUUID().replaceAll('-', '')}`;
}
