import { loadConfig } from './core/config/config';
import { createDataSource } from './core/database/data-source';
import { schema } from './schema';

/** For the TypeORM CLI (migration:generate). Needs DATABASE_URL. */
const config = loadConfig();
if (!config.databaseUrl) {
  throw new Error('Set DATABASE_URL to run the TypeORM CLI (e.g. postgres://postgres@127.0.0.1:5432/recovery_desk_dev)');
}
export default createDataSource(config.databaseUrl, schema);
