import { dataSourceOptions } from './data-source';

const schema = { entities: [], migrations: [] };

describe('dataSourceOptions', () => {
  it('gives requests a 30 s read timeout', () => {
    expect(dataSourceOptions('postgres://x/db', schema).extra).toMatchObject({ query_timeout: 30_000 });
  });

  it('gives migrations none: an index over a million rows takes minutes', () => {
    expect(dataSourceOptions('postgres://x/db', schema, 2, null).extra).not.toHaveProperty('query_timeout');
  });
});
