import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface DatabaseSchema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** One definition of the connection, shared by the app, the migration CLI and the tests. Never synchronize. */
/**
 * `queryTimeoutMs`: how long a query may wait for its answer before the pool gives up (requests: 30 s). Migrations
 * pass null: building an index over a million accounts legitimately takes minutes.
 */
export function dataSourceOptions(
  url: string,
  schema: DatabaseSchema,
  poolSize = 10,
  queryTimeoutMs: number | null = 30_000,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    // Failed queries surface through the exception filter with the request id; TypeORM's own log would print
    // their parameters, which hold personal data.
    logging: false,
    extra: { max: poolSize, connectionTimeoutMillis: 3000, ...(queryTimeoutMs === null ? {} : { query_timeout: queryTimeoutMs }) },
  };
}

export function createDataSource(url: string, schema: DatabaseSchema, poolSize?: number, queryTimeoutMs?: number | null): DataSource {
  return new DataSource(dataSourceOptions(url, schema, poolSize, queryTimeoutMs));
}
