import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface DatabaseSchema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** One definition of the connection, shared by the app, the migration CLI and the tests. Never synchronize. */
export function dataSourceOptions(url: string, schema: DatabaseSchema, poolSize = 10): DataSourceOptions {
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
    extra: { max: poolSize, connectionTimeoutMillis: 3000, query_timeout: 30000 },
  };
}

export function createDataSource(url: string, schema: DatabaseSchema, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, schema, poolSize));
}
