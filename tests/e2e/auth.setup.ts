import { test as setup } from '@playwright/test';
import { newEmail, signIn, signUp, storageStates } from './session';

/** One account for the chat specs; they start signed in from its saved cookies. */
setup('a signed-in user', async ({ request }) => {
  const email = newEmail('chat');
  await signUp(request, email, undefined, 'E2E User');
  await signIn(request, email);
  await request.storageState({ path: storageStates.user });
});
