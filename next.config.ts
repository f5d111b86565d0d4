import type { NextConfig } from 'next';
// Parsing the environment here makes a bad configuration fail the build and the start.
import './lib/env';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native / wasm packages that must be loaded by Node, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pino', 'sharp', 'ioredis'],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
