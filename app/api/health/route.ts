/** GET /api/health — the process is up (no auth, no dependencies). */
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
