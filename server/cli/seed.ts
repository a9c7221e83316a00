import { loadConfig } from '../core/config/config';
import { createDataSource } from '../core/database/data-source';
import { schema } from '../schema';
import { seedDemoStaff } from '../staff/demo-staff';

/** `npm run seed`: demo data on the database of DATABASE_URL (never in production). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('Set DATABASE_URL (npm start seeds its embedded database by itself)');
  if (!config.seedDemo) throw new Error('Demo data is refused here (production, or SEED_DEMO=false)');
  const ds = createDataSource(config.databaseUrl, schema, 2);
  await ds.initialize();
  try {
    const created = await seedDemoStaff(ds);
    console.log(`Demo staff: ${created} created`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
