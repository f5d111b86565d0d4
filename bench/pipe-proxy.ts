import { createServer, request as httpRequest } from 'node:http';

/**
 * The floor: a bare Node pipe proxy in front of the simulator. It adds the bearer header and
 * pipes bytes both ways — no parsing, no storage, no auth. The app's overhead is measured against it.
 */
export function startPipeProxy(options: { port: number; target: URL; apiKey: string }) {
  const server = createServer((incoming, outgoing) => {
    const upstream = httpRequest(
      {
        host: options.target.hostname,
        port: options.target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: options.target.host, authorization: `Bearer ${options.apiKey}` },
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    outgoing.on('close', () => upstream.destroy());
    incoming.pipe(upstream);
  });
  return new Promise<{ close: () => Promise<void> }>((resolve) => {
    server.listen(options.port, '127.0.0.1', () =>
      resolve({ close: () => new Promise((done) => server.close(() => done())) }),
    );
  });
}
