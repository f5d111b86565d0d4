import { beforeAll } from 'vitest';
import { loadApp, type TestApp } from '../support/app';
import { quotaSuite } from '../support/quota-suite';

let app: TestApp;

beforeAll(async () => {
  app = await loadApp();
});

quotaSuite('quotas through the chat route [memory]', () => app);
