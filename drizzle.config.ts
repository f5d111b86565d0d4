import { defineConfig } from 'drizzle-kit';

// Only generates SQL (`npm run db:generate`); the app applies migrations itself on start (lib/db/client.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema/index.ts',
  out: './lib/db/migrations',
});
