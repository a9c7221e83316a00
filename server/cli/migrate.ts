import { loadConfig } from '../core/config/config';
import { runMigrations } from '../core/database/migrate';
import { schema } from '../schema';

/** `npm run migrate`: applies pending migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('Set DATABASE_URL (npm start migrates its embedded database by itself)');
  const applied = await runMigrations(config.databaseUrl, schema);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
