import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` reads this: it diffs the schema against drizzle/meta and writes SQL.
// Migrations are applied by the app itself (src/lib/server/db/migrate.ts), never with `push`.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	casing: 'snake_case'
});
