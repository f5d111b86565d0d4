import { expect, test as setup } from '@playwright/test';
import { ADMIN_EMAIL, PASSWORD, signIn, storageStates } from './session';

/**
 * One account for the chat specs; they start signed in from its saved cookies. It is the instance's
 * admin (the first account, and listed in `ADMIN_EMAILS`), so the chat specs' many turns stay under
 * its limits and the admin specs can manage other users with it.
 */
setup('a signed-in admin', async ({ request }) => {
  const response = await request.post('/api/auth/sign-up', {
    data: { email: ADMIN_EMAIL, password: PASSWORD, name: 'E2E User' },
  });
  // 400 `not_created` (or 429 after a few tries): a data dir from an earlier run has the account.
  expect([201, 400, 429], await response.text()).toContain(response.status());
  await signIn(request, ADMIN_EMAIL);
  const { user } = (await (await request.get('/api/account')).json()) as { user: { role: string } };
  expect(user.role, 'the e2e setup account must be an admin').toBe('admin');
  await request.storageState({ path: storageStates.user });
});
