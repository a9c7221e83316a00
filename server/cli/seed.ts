import { seedAccounts } from '../accounts/demo-accounts';
import { loadConfig } from '../core/config/config';
import { createDataSource } from '../core/database/data-source';
import { schema } from '../schema';
import { seedDemoStaff } from '../staff/demo-staff';

/** Demo accounts seeded when no `--accounts N` is given (the same number `npm start` seeds). */
const DEFAULT_ACCOUNTS = 10_000;

/** `--accounts N` or `--accounts=N` (underscores and commas allowed: 1_000_000, 1,000,000). */
function parseAccounts(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--accounts' || a.startsWith('--accounts='));
  if (i < 0) return DEFAULT_ACCOUNTS;
  const raw = argv[i].includes('=') ? argv[i].slice('--accounts='.length) : argv[i + 1];
  const value = raw?.replace(/[_,]/g, '');
  if (!value || !/^\d+$/.test(value)) throw new Error(`--accounts needs a whole number, got ${raw ?? 'nothing'}`);
  return Number(value);
}

/**
 * `npm run seed [-- --accounts N]`: demo data on the database of DATABASE_URL (never in production): the demo
 * staff, then N demo customer accounts (10,000 by default) if there are none yet.
 */
async function main(): Promise<void> {
  const accounts = parseAccounts(process.argv.slice(2));
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('Set DATABASE_URL (npm start seeds its embedded database by itself)');
  if (!config.seedDemo) throw new Error('Demo data is refused here (production, or SEED_DEMO=false)');
  const ds = createDataSource(config.databaseUrl, schema, 2);
  await ds.initialize();
  try {
    const created = await seedDemoStaff(ds);
    console.log(`Demo staff: ${created} created`);
    const started = Date.now();
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    const inserted = await seedAccounts(ds, accounts, {
      onProgress: (done, total) => {
        if (total >= 200_000) console.log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} accounts (${seconds()} s)`);
      },
    });
    if (inserted) console.log(`Demo accounts: ${inserted.toLocaleString('en')} created in ${seconds()} s`);
    else console.log(`Demo accounts: none created, customer_accounts already has rows (${seconds()} s)`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
