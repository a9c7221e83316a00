import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../server/core/database/data-source';
import { runMigrations } from '../../server/core/database/migrate';
import { schema } from '../../server/schema';

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(name: string, dropFirst = false): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad test database name ${name}`);
  await admin(async (c) => {
    // Two workers may race to create: serialize on an advisory lock of the admin database.
    await c.query('SELECT pg_advisory_lock(7367099)');
    try {
      if (dropFirst) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!exists.rowCount) await c.query(`CREATE DATABASE ${name}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock(7367099)');
    }
  });
  const url = new URL(process.env.TEST_ADMIN_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

let prepared: Promise<void> | undefined;

/**
 * The worker's own database, made anew and migrated once per test file (jest resets modules between files),
 * so a file never sees another's rows nor a schema left by an older checkout.
 */
export function prepareTestDatabase(): Promise<void> {
  prepared ??= (async () => {
    const name = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    const url = await createDatabase(name, true);
    await runMigrations(url, schema);
  })();
  return prepared;
}

export async function openDataSource(url = process.env.DATABASE_URL!): Promise<DataSource> {
  const ds = createDataSource(url, schema, 4);
  await ds.initialize();
  return ds;
}
