import { Client } from 'pg';

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
