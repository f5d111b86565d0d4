/**
 * First-load JavaScript per route, as served: every `<script src>` of the route's HTML but `noModule` (what the
 * browser must fetch before the page is interactive), each gzipped at level 9 and summed.
 * Also says whether any of it contains shiki, KaTeX or Mermaid (they must load lazily).
 */
import { gzipSync } from 'node:zlib';

export interface RouteSize {
  route: string;
  scripts: number;
  rawKb: number;
  gzipKb: number;
  heavy: string[];
}

const markers: Record<string, RegExp> = {
  shiki: /ShikiError|"displayName":"GitHub Light"/,
  katex: /KaTeX parse error|katex-display/,
  mermaid: /mermaid\.initialize|flowchart-v2/,
};

export async function routeSizes(base: string, cookie: string, routes: string[]): Promise<RouteSize[]> {
  const cache = new Map<string, Buffer>();
  const sizes: RouteSize[] = [];
  for (const route of routes) {
    const html = await (await fetch(`${base}${route}`, { headers: { cookie } })).text();
    // `noModule` scripts (Next's legacy polyfills) are never fetched by a modern browser.
    const sources = [...html.matchAll(/<script([^>]+)>/g)]
      .map((match) => match[1] ?? '')
      .filter((attributes) => !/\bnomodule\b/i.test(attributes))
      .map((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1])
      .filter((source): source is string => source !== undefined);
    let raw = 0;
    let gzip = 0;
    const heavy = new Set<string>();
    for (const source of new Set(sources)) {
      let body = cache.get(source);
      if (!body) {
        body = Buffer.from(await (await fetch(new URL(source.replaceAll('&amp;', '&'), base))).arrayBuffer());
        cache.set(source, body);
      }
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
      const text = body.toString('utf8');
      for (const [name, pattern] of Object.entries(markers)) if (pattern.test(text)) heavy.add(name);
    }
    sizes.push({ route, scripts: sources.length, rawKb: raw / 1024, gzipKb: gzip / 1024, heavy: [...heavy] });
  }
  return sizes;
}
