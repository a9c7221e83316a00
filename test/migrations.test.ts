import { DataSource } from 'typeorm';
import { prepareTestDatabase, openDataSource } from './support/db';

describe('migrations', () => {
  let ds: DataSource;
  beforeAll(async () => {
    await prepareTestDatabase();
    ds = await openDataSource();
  });
  afterAll(() => ds.destroy());

  it('leave nothing between the entities and the schema (every change has its generated migration)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are all applied, and running them again changes nothing', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });
});
