import { defineConfig } from 'drizzle-kit';

// Generate only: migrations are applied by the app (src/db/migrate.ts) on both databases.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
