import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';

/** Runs pending migrations (each in its own transaction) before any module touches the database. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(url), migrationsTransactionMode: 'each' });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations();
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
