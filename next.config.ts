import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_SERVER } from 'next/constants';
// Parsing the environment here makes a bad configuration fail the build and the start.
import { assertServerEnv, env } from './lib/env';
import { contentSecurityPolicy, securityHeaders } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next's gzip buffers streamed responses and releases a chat answer in one burst at the end.
  // Streams must reach the browser chunk by chunk; compress pages at the reverse proxy instead.
  compress: false,
  // Native / wasm packages that must be loaded by Node, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pino', 'sharp', 'ioredis'],
  typescript: { ignoreBuildErrors: false },
  // Every response; pages replace the CSP with one carrying their script nonce (proxy.ts).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          ...securityHeaders,
          {
            key: 'Content-Security-Policy',
            value: contentSecurityPolicy({ dev: env.NODE_ENV === 'development' }),
          },
        ],
      },
      {
        // Public share pages: the token in the URL must not leak to sites the page links to, and
        // snapshots stay out of search engines (matched last, so these values win).
        source: '/share/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
    ];
  },
};

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_SERVER) assertServerEnv();
  return nextConfig;
}
