import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The app's Prometheus metrics: one registry per process (kept on globalThis so Next's module
 * reloading shares it), scraped at /api/metrics. Labels are bounded and never identify a person or
 * carry a secret: route ids, model ids from the registry, status classes, reasons.
 */

const ttftBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];
const durationBuckets = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600];
const overheadBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

function build() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'studio_requests_total',
      help: 'API requests answered, by route, model and status class (2xx, 4xx, 5xx)',
      labelNames: ['route', 'model', 'status_class'] as const,
      registers,
    }),
    overhead: new Histogram({
      name: 'studio_app_overhead_seconds',
      help: "The app's own time before the upstream call started (auth, limits, history, planning)",
      labelNames: ['route'] as const,
      buckets: overheadBuckets,
      registers,
    }),
    upstreamRequests: new Counter({
      name: 'studio_upstream_requests_total',
      help: 'Upstream attempts, by model and outcome (2xx, 4xx, 5xx, timeout, network, refused)',
      labelNames: ['model', 'outcome'] as const,
      registers,
    }),
    upstreamTtft: new Histogram({
      name: 'studio_upstream_ttft_seconds',
      help: 'Upstream time to first content (first data line; keep-alives excluded)',
      labelNames: ['model'] as const,
      buckets: ttftBuckets,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: 'studio_upstream_duration_seconds',
      help: 'Upstream call duration, from the request to the end of the stream',
      labelNames: ['model'] as const,
      buckets: durationBuckets,
      registers,
    }),
    retries: new Counter({
      name: 'studio_upstream_retries_total',
      help: 'Upstream retries, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
    breakerState: new Gauge({
      name: 'studio_breaker_state',
      help: 'Circuit breaker state per upstream host and model: 0 closed, 1 open, 2 half-open',
      labelNames: ['upstream', 'model'] as const,
      registers,
    }),
    breakerRejections: new Counter({
      name: 'studio_breaker_rejections_total',
      help: 'Calls refused at once because the breaker was open or its probes were out',
      labelNames: ['model'] as const,
      registers,
    }),
    tokens: new Counter({
      name: 'studio_tokens_total',
      help: 'Tokens by model and type (input_cache_hit, input_cache_miss, output, reasoning)',
      labelNames: ['model', 'type'] as const,
      registers,
    }),
    rateLimitRejections: new Counter({
      name: 'studio_rate_limit_rejections_total',
      help: 'Requests refused by a rate limit or quota, by route',
      labelNames: ['route'] as const,
      registers,
    }),
    cache: new Counter({
      name: 'studio_cache_requests_total',
      help: 'Response cache lookups by status (hit, miss, bypass)',
      labelNames: ['status'] as const,
      registers,
    }),
    outputFlags: new Counter({
      name: 'studio_output_filter_flags_total',
      help: 'Answers flagged by the output word filter',
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof build>;

const globalMetrics = globalThis as typeof globalThis & { __studioMetrics?: Metrics };

export function getMetrics(): Metrics {
  globalMetrics.__studioMetrics ??= build();
  return globalMetrics.__studioMetrics;
}

export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

export const breakerStateValue = { closed: 0, open: 1, half_open: 2 } as const;
