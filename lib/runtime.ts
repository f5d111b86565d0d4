import 'server-only';
import { env, usesSimulator } from '@/lib/env';
import { createSimulator, type Simulator } from '@/lib/simulator';
import { createUpstream, resilienceFromEnv, type Upstream, upstreamConfigFromEnv } from '@/lib/upstream';

/**
 * Process-wide singletons for the server: the upstream seam and, in offline mode, the embedded
 * simulator it talks to. Kept on globalThis so Next's module reloading shares one instance.
 */

/** Not a secret: the built-in simulator's own key (shown in offline code snippets). */
export const SIMULATOR_KEY = 'sk-simulator-offline';

interface Runtime {
  upstream: Upstream;
  simulator: Simulator;
  offline: boolean;
}

const globalRuntime = globalThis as typeof globalThis & { __studioRuntime?: Runtime };

export function getRuntime(): Runtime {
  globalRuntime.__studioRuntime ??= buildRuntime();
  return globalRuntime.__studioRuntime;
}

function buildRuntime(): Runtime {
  const offline = usesSimulator(env);
  const simulator = createSimulator({
    auth: { scheme: 'bearer', apiKey: SIMULATOR_KEY },
    // Reachable over HTTP at /api/simulator (snippets, scripts); in-process calls use the bare path.
    basePath: '/api/simulator',
    chunkDelayMs: env.SIMULATOR_CHUNK_DELAY_MS,
  });
  const upstream = offline
    ? createUpstream({
        provider: 'deepseek',
        // Never resolved: requests go to the in-process simulator through `transport`.
        baseURL: 'http://simulator.internal',
        auth: { scheme: 'bearer', apiKey: SIMULATOR_KEY },
        firstContentTimeoutMs: env.UPSTREAM_FIRST_CONTENT_TIMEOUT_MS,
        idleTimeoutMs: env.UPSTREAM_IDLE_TIMEOUT_MS,
        ...resilienceFromEnv(env),
        transport: (input, init) => simulator.handle(new Request(input, init)),
      })
    : createUpstream(upstreamConfigFromEnv(env));
  return { upstream, simulator, offline };
}
