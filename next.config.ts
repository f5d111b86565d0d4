import type { NextConfig } from 'next';
// Parsing the environment here makes a bad configuration fail the build and the start.
import './lib/env';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next's gzip buffers streamed responses and releases a chat answer in one burst at the end.
  // Streams must reach the browser chunk by chunk; compress pages at the reverse proxy instead.
  compress: false,
  // Native / wasm packages that must be loaded by Node, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pino', 'sharp', 'ioredis'],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
