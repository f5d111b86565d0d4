import { isIP } from 'node:net';

/**
 * The client's address for per-IP limits and audit rows, trusting only what our own proxies wrote.
 *
 * Each trusted proxy appends the address it received the connection from to X-Forwarded-For
 * (nginx `$proxy_add_x_forwarded_for`, Caddy, Traefik and cloud load balancers do by default), so
 * with N proxies in front of the app the client is the N-th entry from the right. Everything to its
 * left came from the client and is ignored: a forged X-Forwarded-For cannot pick the address.
 *
 * With 0 hops the app faces clients directly, and Next route handlers do not expose the socket
 * address: `next start` fills X-Forwarded-For from the socket only when the client sent none, so
 * the header cannot be told apart from a forged one. Then the address is `UNKNOWN_IP` (unless the
 * caller has the socket address), and per-IP limits do not apply; per-account limits still do.
 * X-Real-IP is never read: a proxy that does not append to X-Forwarded-For is not supported.
 */

export const UNKNOWN_IP = 'unknown';

export interface ClientIpOptions {
  trustedProxyHops: number;
  /** The TCP peer, when the runtime exposes it (not in Next route handlers). */
  socketAddress?: string;
}

export function clientIp(request: Pick<Request, 'headers'>, options: ClientIpOptions): string {
  const hops = Math.max(0, Math.floor(options.trustedProxyHops));
  if (hops === 0) return normalizeIp(options.socketAddress) ?? UNKNOWN_IP;
  const chain = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // Fewer entries than proxies: the request skipped one of them, so no entry is trustworthy.
  if (chain.length < hops) return UNKNOWN_IP;
  return normalizeIp(chain[chain.length - hops]) ?? UNKNOWN_IP;
}

/** A bare address: brackets, ports and the IPv4-mapped IPv6 prefix removed; undefined if invalid. */
export function normalizeIp(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let ip = value.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  ip = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) ip = mapped[1]!;
  return isIP(ip) === 0 ? undefined : ip;
}

/**
 * The key for per-IP limits: an IPv4 address as is, an IPv6 address by its /64 — one client
 * usually holds a whole /64, so per-address buckets would let it rotate through 2^64 of them.
 */
export function ipBucket(ip: string): string | undefined {
  const kind = isIP(ip);
  if (kind === 4) return ip;
  if (kind !== 6) return undefined;
  return `${expandIpv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(ip: string): string[] {
  let text = ip;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...(tail === undefined ? [] : zeros), ...right].map((group) => group.padStart(4, '0'));
}
