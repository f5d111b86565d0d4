import { describe, expect, it } from 'vitest';
import { clientIp, ipBucket, normalizeIp, UNKNOWN_IP } from './client-ip';

const request = (forwardedFor?: string, extra: Record<string, string> = {}) =>
  new Request('http://localhost/api/auth', {
    headers: { ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }), ...extra },
  });

describe('clientIp', () => {
  it('with 0 hops ignores X-Forwarded-For and X-Real-IP entirely', () => {
    const forged = request('6.6.6.6', { 'x-real-ip': '7.7.7.7' });
    expect(clientIp(forged, { trustedProxyHops: 0 })).toBe(UNKNOWN_IP);
    expect(clientIp(forged, { trustedProxyHops: 0, socketAddress: '::ffff:203.0.113.9' })).toBe('203.0.113.9');
  });

  it('with 1 hop takes the entry our proxy appended, whatever the client put before it', () => {
    expect(clientIp(request('203.0.113.9'), { trustedProxyHops: 1 })).toBe('203.0.113.9');
    expect(clientIp(request('6.6.6.6, 203.0.113.9'), { trustedProxyHops: 1 })).toBe('203.0.113.9');
    expect(clientIp(request('1.1.1.1, 2.2.2.2, 6.6.6.6, 203.0.113.9'), { trustedProxyHops: 1 })).toBe('203.0.113.9');
  });

  it('with 2 hops takes the second entry from the right', () => {
    // client → CDN (appends the client) → nginx (appends the CDN) → app
    expect(clientIp(request('203.0.113.9, 198.51.100.2'), { trustedProxyHops: 2 })).toBe('203.0.113.9');
    expect(clientIp(request('6.6.6.6, 203.0.113.9, 198.51.100.2'), { trustedProxyHops: 2 })).toBe('203.0.113.9');
  });

  it('reads repeated X-Forwarded-For headers as one list', () => {
    const headers = new Headers();
    headers.append('x-forwarded-for', '6.6.6.6');
    headers.append('x-forwarded-for', '203.0.113.9');
    expect(clientIp({ headers }, { trustedProxyHops: 1 })).toBe('203.0.113.9');
  });

  it('trusts nothing when the chain is shorter than the proxies or the entry is not an address', () => {
    expect(clientIp(request('203.0.113.9'), { trustedProxyHops: 2 })).toBe(UNKNOWN_IP);
    expect(clientIp(request(), { trustedProxyHops: 1 })).toBe(UNKNOWN_IP);
    expect(clientIp(request('1.1.1.1, not-an-ip'), { trustedProxyHops: 1 })).toBe(UNKNOWN_IP);
    expect(clientIp(request(' , '), { trustedProxyHops: 1 })).toBe(UNKNOWN_IP);
  });
});

describe('normalizeIp', () => {
  it('strips ports, brackets, zones and the IPv4-mapped prefix', () => {
    expect(normalizeIp('203.0.113.9:5123')).toBe('203.0.113.9');
    expect(normalizeIp('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeIp('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeIp('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeIp('unknown')).toBeUndefined();
    expect(normalizeIp('')).toBeUndefined();
  });
});

describe('ipBucket', () => {
  it('keeps IPv4 addresses and groups IPv6 by /64', () => {
    expect(ipBucket('203.0.113.9')).toBe('203.0.113.9');
    expect(ipBucket('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(ipBucket('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0001:0002::/64');
    expect(ipBucket('::1')).toBe('0000:0000:0000:0000::/64');
    expect(ipBucket('64:ff9b::192.0.2.33')).toBe('0064:ff9b:0000:0000::/64');
    expect(ipBucket(UNKNOWN_IP)).toBeUndefined();
  });
});
