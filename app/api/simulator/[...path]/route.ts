import { getRuntime } from '@/lib/runtime';

/**
 * The built-in DeepSeek simulator, reachable over HTTP at /api/simulator (for scripts, code
 * snippets and tools). It verifies its own offline key, not a real one, and holds no secrets.
 */
async function forward(req: Request): Promise<Response> {
  return getRuntime().simulator.handle(req);
}

export const GET = forward;
export const POST = forward;
