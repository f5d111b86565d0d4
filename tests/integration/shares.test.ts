import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadApp, type TestApp } from '../support/app';

/*
 * Share links through the real routes: create / list / update / revoke / expire (with a fake
 * clock), two users and an admin, token format and entropy, and the per-address lookup limit.
 */

let app: TestApp;
let shares: typeof import('@/app/api/shares/route');
let share: typeof import('@/app/api/shares/[id]/route');
let copy: typeof import('@/app/api/shares/copy/route');
let service: typeof import('@/lib/share/service');

beforeAll(async () => {
  process.env.TRUSTED_PROXY_HOPS = '1';
  process.env.SHARE_LOOKUPS_PER_MINUTE = '30';
  app = await loadApp();
  shares = await import('@/app/api/shares/route');
  share = await import('@/app/api/shares/[id]/route');
  copy = await import('@/app/api/shares/copy/route');
  service = await import('@/lib/share/service');
});

afterEach(() => {
  vi.useRealTimers();
});

type Session = Awaited<ReturnType<TestApp['signIn']>>;
interface ShareBody {
  id: string;
  path: string | null;
  state: string;
  expiresAt: string | null;
  viewCount: number;
  title: string;
  messageCount: number;
  includeReasoning: boolean;
}

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function createShare(session: Session, body: object) {
  const response = await shares.POST(session.request('/api/shares', json(body)));
  return { status: response.status, body: (await response.json()) as { share: ShareBody } };
}

async function patchShare(session: Session, id: string, body: object) {
  const response = await share.PATCH(
    session.request(`/api/shares/${id}`, { ...json(body), method: 'PATCH' }),
    app.params({ id }),
  );
  return { status: response.status, body: (await response.json()) as { share: ShareBody } };
}

async function revoke(session: Session, id: string) {
  const response = await share.DELETE(session.request(`/api/shares/${id}`, { method: 'DELETE' }), app.params({ id }));
  return { status: response.status, body: (await response.json()) as { share: ShareBody } };
}

const tokenOf = (body: ShareBody) => body.path!.replace('/share/', '');
/** A conversation share's public snapshot (undefined when the link is not live). */
async function open(token: string) {
  const opened = await service.openShare(app.db, token);
  return opened?.kind === 'conversation' ? opened : undefined;
}

describe('share links', () => {
  it('creates a snapshot behind a random token that later messages do not change', async () => {
    const { conversationId } = await app.turn('Explain closures', { params: { thinking: true } });
    const created = await createShare(app.session, { conversationId, expiry: '7d', includeReasoning: false });
    expect(created.status).toBe(201);
    const token = tokenOf(created.body.share);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(token).not.toContain(conversationId);
    expect(created.body.share).toMatchObject({ state: 'active', messageCount: 2, includeReasoning: false });

    const first = await open(token);
    expect(first?.snapshot.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    // Reasoning was left out of this share.
    expect(first?.snapshot.messages[1]?.parts.some((part) => part.type === 'reasoning')).toBe(false);

    await app.turn('And in Rust?', { id: conversationId });
    expect((await open(token))?.snapshot.messages).toHaveLength(2);

    const updated = await patchShare(app.session, created.body.share.id, {
      refreshSnapshot: true,
      includeReasoning: true,
    });
    expect(updated.status).toBe(200);
    const after = await open(token);
    expect(after?.snapshot.messages).toHaveLength(4);
    expect(after?.snapshot.messages[1]?.parts.some((part) => part.type === 'reasoning')).toBe(true);

    const listed = (await (await shares.GET(app.request('/api/shares'))).json()) as { items: ShareBody[] };
    const item = listed.items.find((entry) => entry.id === created.body.share.id);
    expect(item).toMatchObject({ title: 'Explain closures', messageCount: 4, viewCount: 3, path: `/share/${token}` });
  });

  it('tokens are distinct 192-bit values', async () => {
    const { conversationId } = await app.turn('entropy');
    const tokens = new Set<string>();
    for (let i = 0; i < 40; i++) {
      tokens.add(tokenOf((await createShare(app.session, { conversationId, expiry: 'never' })).body.share));
    }
    expect(tokens.size).toBe(40);
    const bits = [...tokens].map((token) => Buffer.from(token, 'base64url'));
    expect(bits.every((bytes) => bytes.length === 24)).toBe(true);
    // Every bit position varies across 40 tokens (a constant or counter-like part would not).
    const ones = new Array(192).fill(0);
    for (const bytes of bits) for (let bit = 0; bit < 192; bit++) ones[bit] += (bytes[bit >> 3]! >> (bit & 7)) & 1;
    expect(ones.every((count) => count > 0 && count < 40)).toBe(true);
  });

  it('revoked and expired links answer nothing at once (fake clock)', async () => {
    const { conversationId } = await app.turn('expiring');
    // The sessions expire in a day, so the clock stays within hours of now.
    const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    const hour = (await createShare(app.session, { conversationId, expiry: '1h' })).body.share;
    const day = (await createShare(app.session, { conversationId, expiry: '1d' })).body.share;
    expect(hour.expiresAt).toBe(new Date(start.getTime() + 3_600_000).toISOString());
    expect(await open(tokenOf(hour))).toBeDefined();

    vi.setSystemTime(new Date(start.getTime() + 3_600_000 - 1));
    expect(await open(tokenOf(hour))).toBeDefined();
    vi.setSystemTime(new Date(start.getTime() + 3_600_000));
    expect(await open(tokenOf(hour))).toBeUndefined();
    expect(await open(tokenOf(day))).toBeDefined();

    // A new expiry counts from now and brings the link back.
    const extended = await patchShare(app.session, hour.id, { expiry: '7d' });
    expect(extended.body.share.state).toBe('active');
    expect(await open(tokenOf(hour))).toBeDefined();

    const revoked = await revoke(app.session, day.id);
    expect(revoked.body.share.state).toBe('revoked');
    expect(await open(tokenOf(day))).toBeUndefined();
    expect((await patchShare(app.session, day.id, { expiry: 'never' })).status).toBe(409);
  });

  it('only the owner or an admin can change a share; others get 404', async () => {
    const { conversationId } = await app.turn('private');
    const mine = (await createShare(app.session, { conversationId })).body.share;
    const other = await app.signIn('user');
    const admin = await app.signIn('admin');

    expect((await patchShare(other, mine.id, { expiry: '1h' })).status).toBe(404);
    expect((await revoke(other, mine.id)).status).toBe(404);
    const theirList = (await (await shares.GET(other.request('/api/shares'))).json()) as { items: ShareBody[] };
    expect(theirList.items.map((item) => item.id)).not.toContain(mine.id);
    // Sharing someone else's conversation is the same 404 as an unknown one.
    expect((await createShare(other, { conversationId })).status).toBe(404);
    expect((await patchShare(app.session, 'not-a-uuid', { expiry: '1h' })).status).toBe(404);

    expect((await patchShare(admin, mine.id, { expiry: '1d' })).status).toBe(200);
    expect((await revoke(admin, mine.id)).body.share.state).toBe('revoked');

    const guest = await app.signIn('guest');
    expect((await createShare(guest, { conversationId })).status).toBe(403);
  });

  it('validates what it is given', async () => {
    const { conversationId } = await app.turn('validation');
    expect((await createShare(app.session, { conversationId, expiry: '2y' })).status).toBe(400);
    expect((await createShare(app.session, { conversationId, extra: 1 })).status).toBe(400);
    const created = (await createShare(app.session, { conversationId })).body.share;
    expect((await patchShare(app.session, created.id, {})).status).toBe(400);
  });

  it('continue as a copy gives another user a conversation of their own', async () => {
    const { conversationId } = await app.turn('Copy me');
    const token = tokenOf((await createShare(app.session, { conversationId })).body.share);
    const other = await app.signIn('user');
    const response = await copy.POST(other.request('/api/shares/copy', json({ token })));
    expect(response.status).toBe(201);
    const { conversation } = (await response.json()) as { conversation: { id: string; title: string } };
    expect(conversation.id).not.toBe(conversationId);
    const stored = await other.getConversation(conversation.id);
    expect(stored.status).toBe(200);
    expect(stored.body.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect((await app.getConversation(conversation.id)).status).toBe(404);

    const bad = await copy.POST(other.request('/api/shares/copy', json({ token: 'A'.repeat(32) })));
    expect(bad.status).toBe(404);
  });

  it('rate-limits token lookups per client address', async () => {
    const other = await app.signIn('user');
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const response = await copy.POST(
        other.request('/api/shares/copy', {
          ...json({ token: 'B'.repeat(32) }),
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        }),
      );
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Another address is not affected.
    const elsewhere = await copy.POST(
      other.request('/api/shares/copy', {
        ...json({ token: 'B'.repeat(32) }),
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
      }),
    );
    expect(elsewhere.status).toBe(404);
  });
});
