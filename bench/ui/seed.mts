// Seeds the UI benchmark's data dir through the app's own database code: an admin user, a session
// (its cookie is printed) and a 1,000-message conversation written in one transaction.
// Run by bench/ui.ts as: NODE_OPTIONS=--conditions=react-server DATA_DIR=… AUTH_SECRET=… tsx bench/ui/seed.mts
const { getDb } = await import('../../lib/db/client.ts');
const { createGuest } = await import('../../lib/db/queries/users.ts');
const { users } = await import('../../lib/db/schema/index.ts');
const { createSession } = await import('../../lib/db/queries/sessions.ts');
const { createConversationWithMessages } = await import('../../lib/db/queries/conversation-copies.ts');
const { encodeSessionToken, sessionCookieName } = await import('../../lib/auth/session-token.ts');
const { benchConversation } = await import('./conversation.ts');

const db = await getDb();
const user = await createGuest(db);
// An admin: the benchmark's many turns must stay under the per-role limits.
await db.update(users).set({ role: 'admin' });
const session = await createSession(db, user.id, new Date(Date.now() + 6 * 3_600_000));
const conversation = await createConversationWithMessages(db, user.id, {
  title: 'UI benchmark: 1,000 messages',
  model: 'deepseek-flash',
  params: { thinking: false },
  messages: benchConversation(Number(process.env.BENCH_MESSAGES ?? 1000)),
});
const cookie = { name: sessionCookieName(), value: await encodeSessionToken({ sub: user.id, sid: session.id }) };
process.stdout.write(`${JSON.stringify({ cookie, conversationId: conversation.id })}\n`);
process.exit(0);
