import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readTerritories } from '../src/catalogues/territories-source.js';

/** Peru's territories (INEI UBIGEO, with poverty rates and quintiles) are reference data, not demo. */
export class LoadTerritories1763900000100 implements MigrationInterface {
  name = 'LoadTerritories1763900000100';

  async up(q: QueryRunner): Promise<void> {
    const rows = readTerritories();
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      const params: unknown[] = [];
      const values = batch.map((t) => {
        const base = params.length;
        params.push(t.ubigeo, t.level, t.name, t.departmentUbigeo, t.provinceUbigeo, t.parentUbigeo, t.departmentName,
          t.provinceName, t.povertyRate, t.extremePovertyRate, t.quintile);
        return '(' + Array.from({ length: 11 }, (_, k) => `$${base + k + 1}`).join(',') + ')';
      });
      await q.query(
        `INSERT INTO territories (ubigeo, level, name, department_ubigeo, province_ubigeo, parent_ubigeo, department_name,
           province_name, poverty_rate, extreme_poverty_rate, quintile) VALUES ${values.join(',')}`,
        params,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM territories WHERE level = 'DISTRICT'`);
    await q.query(`DELETE FROM territories WHERE level = 'PROVINCE'`);
    await q.query(`DELETE FROM territories`);
  }
}
