import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readTerritories } from '../src/catalogues/territories-source.js';

const COLUMNS = [
  'ubigeo', 'level', 'name', 'department_ubigeo', 'province_ubigeo', 'parent_ubigeo', 'department_name', 'province_name',
  'poverty_rate', 'extreme_poverty_rate', 'quintile',
] as const;
const BATCH = 500; // 500 rows × 11 parameters stays far below PostgreSQL's 65,535

/**
 * Peru's territories (INEI UBIGEO, with poverty rates and district quintiles) are reference data
 * every database needs, demo or not, so a migration loads them from `src/catalogues/data/ubigeo/`.
 */
export class LoadTerritories1763900000100 implements MigrationInterface {
  name = 'LoadTerritories1763900000100';

  async up(q: QueryRunner): Promise<void> {
    const rows = readTerritories(); // parents first, so every parent_ubigeo already exists
    for (let start = 0; start < rows.length; start += BATCH) {
      const params: unknown[] = [];
      const tuples = rows.slice(start, start + BATCH).map((t) => {
        const values = [t.ubigeo, t.level, t.name, t.departmentUbigeo, t.provinceUbigeo, t.parentUbigeo, t.departmentName,
          t.provinceName, t.povertyRate, t.extremePovertyRate, t.quintile];
        return `(${values.map((v) => `$${params.push(v)}`).join(', ')})`;
      });
      await q.query(`INSERT INTO territories (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, params);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Children before parents; fails (as it should) while entities or agreements still point at them.
    for (const level of ['DISTRICT', 'PROVINCE', 'DEPARTMENT']) await q.query('DELETE FROM territories WHERE level = $1', [level]);
  }
}
