import { describe, expect, it } from 'vitest';
import { parseCli } from './cli';

describe('parseCli', () => {
  it('defaults to port 8787 on 127.0.0.1 without auth', () => {
    expect(parseCli([])).toEqual({ port: 8787, host: '127.0.0.1', auth: { scheme: 'none' }, chunkDelayMs: 0 });
  });

  it('parses each auth scheme', () => {
    expect(parseCli(['--auth', 'bearer', '--api-key', 'k']).auth).toEqual({ scheme: 'bearer', apiKey: 'k' });
    expect(parseCli(['--api-key', 'k']).auth).toEqual({ scheme: 'bearer', apiKey: 'k' });
    expect(parseCli(['--auth', 'hmac', '--api-key', 'k', '--secret-key', 's']).auth).toEqual({
      scheme: 'hmac',
      apiKey: 'k',
      secretKey: 's',
      maxSkewSeconds: 300,
    });
    expect(parseCli(['--auth', 'oauth2', '--client-id', 'i', '--client-secret', 's']).auth).toEqual({
      scheme: 'oauth2',
      clientId: 'i',
      clientSecret: 's',
      tokenTtlSeconds: 3600,
    });
  });

  it('parses port, host and pacing', () => {
    expect(parseCli(['--port', '9000', '--host', '0.0.0.0', '--chunk-delay-ms', '15'])).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      chunkDelayMs: 15,
    });
  });

  it.each([
    [['--auth', 'hmac', '--api-key', 'k'], /--secret-key is required/],
    [['--auth', 'basic'], /--auth must be/],
    [['--port', 'eighty'], /--port must be/],
    [['--bogus'], /Unknown option/],
  ])('rejects %j', (args, message) => {
    expect(() => parseCli(args)).toThrow(message);
  });
});
