import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../server/core/database/data-source';
import { runMigrations } from '../server/core/database/migrate';
import { schema } from '../server/schema';
import { seedDemoStaff } from '../server/staff/demo-staff';

/** A benchmark's own database, named by its URL: created through the server's `postgres` database. */
async function withAdmin<T>(databaseUrl: string, fn: (admin: Client, name: string) => Promise<T>): Promise<T> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad bench database name ${name}`);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    return await fn(admin, name);
  } finally {
    await admin.end();
  }
}

/** Creates the database when it does not exist yet (kept across runs: seeding a large one takes minutes). */
export function ensureBenchDatabase(databaseUrl: string): Promise<void> {
  return withAdmin(databaseUrl, async (admin, name) => {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) {
      await admin.query(`CREATE DATABASE ${name}`);
      console.log(`Created the bench database ${name}`);
    }
  });
}

/** Drops the database (closing its connections) and creates it empty. */
export function recreateBenchDatabase(databaseUrl: string): Promise<void> {
  return withAdmin(databaseUrl, async (admin, name) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
}

/**
 * A bench database ready to use: created if missing, migrated, demo staff seeded; `fn` gets a small data source
 * (closed afterwards) for the scenario's own seeding.
 */
export async function withBenchDatabase<T>(databaseUrl: string, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  await ensureBenchDatabase(databaseUrl);
  await runMigrations(databaseUrl, schema);
  const ds = createDataSource(databaseUrl, schema, 2);
  await ds.initialize();
  try {
    await seedDemoStaff(ds);
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}
