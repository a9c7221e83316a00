import { DataSource } from 'typeorm';
import { createDataSource, DatabaseSchema } from './data-source';

/**
 * Applies pending migrations; safe to run at every start (a lock serializes concurrent runners). No read timeout:
 * an index built over a million rows takes longer than a request may (measured: the name-search index, 1–2 min).
 */
export async function runMigrations(url: string, schema: DatabaseSchema): Promise<string[]> {
  const ds: DataSource = createDataSource(url, schema, 2, null);
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock(7367002)');
    const applied = await ds.runMigrations({ transaction: 'each' });
    await ds.query('SELECT pg_advisory_unlock(7367002)');
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
