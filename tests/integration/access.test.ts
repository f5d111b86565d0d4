import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { can, type RouteId, roles } from '@/lib/policy/roles';
import { loadApp, type TestApp, type TestSession, userMessage } from '../support/app';

/**
 * The whole role × route matrix through the real route handlers: every API route answers 401
 * signed out, 403 to a role the policy table does not give it, and something else (2xx, or a 4xx
 * that is not 403) to a role that has it. The route list is checked against app/api, so a new
 * route cannot join the app without joining this test.
 */

type Call = (request: (url: string, init?: RequestInit) => Request, who: Actor) => Promise<Response>;
interface Actor {
  userId: string;
  conversationId: string;
}
interface Entry {
  route: RouteId;
  call: Call;
}

let app: TestApp;
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Routes that serve signed-out callers; everything else must be in `protectedRoutes`. */
const publicRoutes = [
  'GET /api/health',
  'GET /api/ready',
  // Bearer METRICS_TOKEN, not a session (404 when no token is configured).
  'GET /api/metrics',
  'GET /api/simulator/[...path]',
  'POST /api/simulator/[...path]',
  'GET /api/auth/[...nextauth]',
  'POST /api/auth/[...nextauth]',
  'POST /api/auth/sign-up',
];

let routes: Record<string, Entry>;

beforeAll(async () => {
  app = await loadApp();
  const account = await import('@/app/api/account/route');
  const password = await import('@/app/api/account/password/route');
  const adminUsers = await import('@/app/api/admin/users/route');
  const adminUser = await import('@/app/api/admin/users/[id]/route');
  const adminUsage = await import('@/app/api/admin/usage/route');
  const adminAudit = await import('@/app/api/admin/audit/route');
  const adminGateway = await import('@/app/api/admin/gateway/route');
  const usage = await import('@/app/api/usage/route');
  const playgroundRun = await import('@/app/api/playground/run/route');
  const playgroundOpen = await import('@/app/api/playground/open/route');
  const presets = await import('@/app/api/presets/route');
  const preset = await import('@/app/api/presets/[id]/route');
  const { defaultParams, defaultState } = await import('@/lib/playground/state');
  const compare = await import('@/app/api/compare/route');
  const comparison = await import('@/app/api/compare/[id]/route');
  const vote = await import('@/app/api/compare/[id]/vote/route');
  const continueWith = await import('@/app/api/compare/[id]/continue/route');
  const compareExport = await import('@/app/api/compare/[id]/export/route');
  const leaderboard = await import('@/app/api/compare/leaderboard/route');
  const attachmentsRoute = await import('@/app/api/attachments/route');
  const attachmentRoute = await import('@/app/api/attachments/[id]/route');
  const visionRoute = await import('@/app/api/vision/analysis/route');
  const onePixel = () => ({
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
  });
  const shares = await import('@/app/api/shares/route');
  const share = await import('@/app/api/shares/[id]/route');
  const shareCopy = await import('@/app/api/shares/copy/route');
  const exportAll = await import('@/app/api/export/route');
  const exportOne = await import('@/app/api/export/[id]/route');
  const importFile = await import('@/app/api/import/route');
  const { chat, stop, conversations, conversation, models } = app.routes;
  const withId = (id: string) => app.params({ id });
  routes = {
    'POST /api/chat': {
      route: 'chat',
      call: async (request) => {
        const response = await chat.POST(
          request('/api/chat', json('POST', { message: userMessage('matrix'), model: 'deepseek-flash', params: {} })),
        );
        if (!response.ok) return response;
        await response.text();
        await app.waitUntilSaved(response.headers.get('x-conversation-id') ?? '');
        return response;
      },
    },
    'POST /api/chat/[id]/stop': {
      route: 'chat',
      call: (request, who) =>
        stop.POST(request(`/api/chat/${who.conversationId}/stop`, { method: 'POST' }), withId(who.conversationId)),
    },
    'GET /api/attachments': {
      route: 'attachments',
      call: (request) => attachmentsRoute.GET(request('/api/attachments')),
    },
    'POST /api/attachments': {
      route: 'attachments',
      call: (request) => attachmentsRoute.POST(request('/api/attachments', onePixel())),
    },
    'GET /api/attachments/[id]': {
      route: 'attachments',
      call: (request) => {
        const id = randomUUID();
        return attachmentRoute.GET(request(`/api/attachments/${id}`), withId(id));
      },
    },
    'POST /api/vision/analysis': {
      route: 'attachments',
      call: (request) => visionRoute.POST(request('/api/vision/analysis', onePixel())),
    },
    'GET /api/conversations': {
      route: 'conversations',
      call: (request) => conversations.GET(request('/api/conversations')),
    },
    'GET /api/conversations/[id]': {
      route: 'conversations',
      call: (request, who) =>
        conversation.GET(request(`/api/conversations/${who.conversationId}`), withId(who.conversationId)),
    },
    'PATCH /api/conversations/[id]': {
      route: 'conversations',
      call: (request, who) =>
        conversation.PATCH(
          request(`/api/conversations/${who.conversationId}`, json('PATCH', { title: 'Renamed' })),
          withId(who.conversationId),
        ),
    },
    'DELETE /api/conversations/[id]': {
      route: 'conversations',
      call: (request) => {
        const id = randomUUID();
        return conversation.DELETE(request(`/api/conversations/${id}`, { method: 'DELETE' }), withId(id));
      },
    },
    'GET /api/compare': { route: 'compare', call: (request) => compare.GET(request('/api/compare')) },
    'POST /api/compare': {
      route: 'compare',
      call: (request) =>
        compare.POST(
          request(
            '/api/compare',
            json('POST', {
              title: 'Access',
              panes: [
                { model: 'deepseek-flash', params: {} },
                { model: 'deepseek-flash', params: { thinking: false } },
              ],
            }),
          ),
        ),
    },
    'GET /api/compare/[id]': {
      route: 'compare',
      call: (request) => {
        const id = randomUUID();
        return comparison.GET(request(`/api/compare/${id}`), withId(id));
      },
    },
    'PATCH /api/compare/[id]': {
      route: 'compare',
      call: (request) => {
        const id = randomUUID();
        return comparison.PATCH(request(`/api/compare/${id}`, json('PATCH', { title: 'Renamed' })), withId(id));
      },
    },
    'DELETE /api/compare/[id]': {
      route: 'compare',
      call: (request) => {
        const id = randomUUID();
        return comparison.DELETE(request(`/api/compare/${id}`, { method: 'DELETE' }), withId(id));
      },
    },
    'POST /api/compare/[id]/vote': {
      route: 'compare',
      call: (request) => {
        const id = randomUUID();
        return vote.POST(
          request(`/api/compare/${id}/vote`, json('POST', { turn: 1, verdict: { outcome: 'tie' } })),
          withId(id),
        );
      },
    },
    'POST /api/compare/[id]/continue': {
      route: 'compare',
      call: (request) => {
        const id = randomUUID();
        return continueWith.POST(
          request(`/api/compare/${id}/continue`, json('POST', { conversationId: randomUUID() })),
          withId(id),
        );
      },
    },
    'GET /api/compare/[id]/export': {
      route: 'compare',
      call: (request) => {
        const id = randomUUID();
        return compareExport.GET(request(`/api/compare/${id}/export?format=md`), withId(id));
      },
    },
    'GET /api/compare/leaderboard': {
      route: 'compare',
      call: (request) => leaderboard.GET(request('/api/compare/leaderboard?scope=instance')),
    },
    'GET /api/models': { route: 'models', call: (request) => models.GET(request('/api/models')) },
    'POST /api/playground/run': {
      route: 'playground',
      call: async (request) => {
        const response = await playgroundRun.POST(
          request('/api/playground/run', json('POST', defaultState('deepseek-flash'))),
        );
        if (response.ok) await response.text();
        return response;
      },
    },
    'POST /api/playground/open': {
      route: 'playground',
      call: (request) =>
        playgroundOpen.POST(request('/api/playground/open', json('POST', { state: defaultState('deepseek-flash') }))),
    },
    'GET /api/presets': { route: 'presets', call: (request) => presets.GET(request('/api/presets')) },
    'POST /api/presets': {
      route: 'presets',
      call: (request) =>
        presets.POST(
          request('/api/presets', json('POST', { name: `p-${randomUUID()}`, params: defaultParams('deepseek-flash') })),
        ),
    },
    'PATCH /api/presets/[id]': {
      route: 'presets',
      call: (request) => {
        const id = randomUUID();
        return preset.PATCH(request(`/api/presets/${id}`, json('PATCH', { name: 'x' })), withId(id));
      },
    },
    'DELETE /api/presets/[id]': {
      route: 'presets',
      call: (request) => {
        const id = randomUUID();
        return preset.DELETE(request(`/api/presets/${id}`, { method: 'DELETE' }), withId(id));
      },
    },
    'GET /api/account': { route: 'settings', call: (request) => account.GET(request('/api/account')) },
    'POST /api/account/password': {
      route: 'settings',
      call: (request) =>
        password.POST(request('/api/account/password', json('POST', { currentPassword: 'x', newPassword: 'y' }))),
    },
    'GET /api/usage': { route: 'usage', call: (request) => usage.GET(request('/api/usage')) },
    'GET /api/shares': { route: 'shares', call: (request) => shares.GET(request('/api/shares')) },
    'POST /api/shares': {
      route: 'shares',
      call: (request, who) => shares.POST(request('/api/shares', json('POST', { conversationId: who.conversationId }))),
    },
    'PATCH /api/shares/[id]': {
      route: 'shares',
      call: (request) => {
        const id = randomUUID();
        return share.PATCH(request(`/api/shares/${id}`, json('PATCH', { expiry: '1h' })), withId(id));
      },
    },
    'DELETE /api/shares/[id]': {
      route: 'shares',
      call: (request) => {
        const id = randomUUID();
        return share.DELETE(request(`/api/shares/${id}`, { method: 'DELETE' }), withId(id));
      },
    },
    'POST /api/shares/copy': {
      route: 'conversations',
      call: (request) => shareCopy.POST(request('/api/shares/copy', json('POST', { token: 'x'.repeat(32) }))),
    },
    'GET /api/export': {
      route: 'export',
      call: async (request) => {
        const response = await exportAll.GET(request('/api/export'));
        // Read a zip to its end (the stream queries the database); an error body is the test's to read.
        if (response.ok) await response.clone().arrayBuffer();
        return response;
      },
    },
    'GET /api/export/[id]': {
      route: 'export',
      call: (request, who) =>
        exportOne.GET(request(`/api/export/${who.conversationId}?format=md`), withId(who.conversationId)),
    },
    'POST /api/import': {
      route: 'import',
      call: (request) => importFile.POST(request('/api/import', json('POST', { not: 'an export' }))),
    },
    'GET /api/admin/usage': { route: 'admin', call: (request) => adminUsage.GET(request('/api/admin/usage')) },
    'GET /api/admin/audit': { route: 'admin', call: (request) => adminAudit.GET(request('/api/admin/audit')) },
    'GET /api/admin/gateway': { route: 'admin', call: (request) => adminGateway.GET(request('/api/admin/gateway')) },
    'GET /api/admin/users': { route: 'admin', call: (request) => adminUsers.GET(request('/api/admin/users')) },
    'PATCH /api/admin/users/[id]': {
      route: 'admin',
      call: async (request) => {
        const target = await app.signIn('user');
        return adminUser.PATCH(
          request(`/api/admin/users/${target.user.id}`, json('PATCH', { role: 'user' })),
          withId(target.user.id),
        );
      },
    },
  };
});

function routeFiles(dir = path.join(process.cwd(), 'app/api')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

describe('the route list', () => {
  it('names every handler under app/api, public or protected', () => {
    const found = routeFiles().flatMap((file) => {
      const url = `/${path.relative(path.join(process.cwd(), 'app'), path.dirname(file)).split(path.sep).join('/')}`;
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
        (match) => `${match[1]} ${url}`,
      );
    });
    expect(found.sort()).toEqual([...publicRoutes, ...Object.keys(routes)].sort());
  });
});

describe('role × route', () => {
  const sessions = new Map<string, { session: TestSession; actor: Actor }>();

  beforeAll(async () => {
    for (const role of roles) {
      const session = await app.signIn(role);
      const { conversationId } = await session.turn(`a ${role}'s own conversation`);
      sessions.set(role, { session, actor: { userId: session.user.id, conversationId } });
    }
  });

  it('answers 401 to every protected route when signed out', async () => {
    const anonymous = (url: string, init?: RequestInit) => new Request(new URL(url, app.base), init);
    for (const [name, entry] of Object.entries(routes)) {
      const response = await entry.call(anonymous, { userId: '', conversationId: randomUUID() });
      expect(response.status, name).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code, name).toBe('unauthorized:auth');
    }
  });

  for (const role of roles) {
    it(`${role}: 403 exactly where the policy table says no`, async () => {
      const { session, actor } = sessions.get(role)!;
      const outcomes: string[] = [];
      for (const [name, entry] of Object.entries(routes)) {
        const response = await entry.call(session.request, actor);
        const allowed = can(role, entry.route);
        outcomes.push(`${name} → ${response.status}`);
        if (allowed) {
          expect(response.status, name).not.toBe(403);
          expect(response.status, name).toBeLessThan(500);
          expect(response.status, name).not.toBe(401);
        } else {
          expect(response.status, name).toBe(403);
          const body = (await response.json()) as { error: { code: string; details: { route: string } } };
          expect(body.error.code).toBe('forbidden:api');
          expect(body.error.details.route).toBe(entry.route);
        }
      }
      expect(outcomes).toHaveLength(Object.keys(routes).length);
    });
  }
});
