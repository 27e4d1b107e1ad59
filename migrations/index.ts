import { InitialSchema1763900000000 } from './1763900000000-InitialSchema.js';
import { LoadTerritories1763900000100 } from './1763900000100-LoadTerritories.js';
import { IdempotencyRequestHash1763900000200 } from './1763900000200-IdempotencyRequestHash.js';

/** Every migration, in order. Listed explicitly so the app, the CLI and the tests share one list. */
export const migrations = [InitialSchema1763900000000, LoadTerritories1763900000100, IdempotencyRequestHash1763900000200];
