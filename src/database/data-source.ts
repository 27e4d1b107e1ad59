import 'reflect-metadata';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';

// A `date` is a calendar day (YYYY-MM-DD), not an instant: never let pg turn it into a JS Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

/** One description of the database for the app, the tests and the migration CLI. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    extra: { max: 20 },
  };
}

// Used by `npm run migration:*` (TypeORM CLI); the app builds its own through Nest.
export default new DataSource({
  ...dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:54329/tramos'),
  entities: ['dist/src/**/*.entity.js'],
});
