import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors.js';
import type { Page } from '../common/pagination.js';
import { containing, pageOf, type ListSpec } from './catalogue-sql.js';
import type { TerritoryQuery } from './territories.dto.js';

// Rates are percentages stored with 6 decimals; they leave as strings with 4 (API.md).
const TERRITORY = `ubigeo, level, name, department_name AS "departmentName", province_name AS "provinceName",
  parent_ubigeo AS "parentUbigeo", round(poverty_rate, 4)::text AS "povertyRate",
  round(extreme_poverty_rate, 4)::text AS "extremePovertyRate", quintile`;

/** Folds case and the accents of Spanish names, so "asháninka" finds "UNION ASHÁNINKA". */
const folded = (sql: string) => `translate(lower(${sql}), 'áéíóúüñÁÉÍÓÚÜÑ', 'aeiouunaeiouun')`;

@Injectable()
export class TerritoriesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(q: TerritoryQuery): Promise<Page<unknown>> {
    const spec: ListSpec = { select: TERRITORY, from: 'territories', where: [], params: [], orderBy: 'ubigeo' };
    if (q.level) spec.where.push(`level = $${spec.params.push(q.level)}`);
    if (q.parent) spec.where.push(`parent_ubigeo = $${spec.params.push(q.parent)}`);
    if (q.quintile) spec.where.push(`quintile = $${spec.params.push(q.quintile)}`);
    if (q.q) {
      const n = spec.params.push(containing(q.q));
      const byCode = /^\d{1,6}$/.test(q.q) ? ` OR ubigeo LIKE $${spec.params.push(`${q.q}%`)}` : '';
      spec.where.push(`(${folded('name')} LIKE ${folded(`$${n}`)}${byCode})`);
    }
    return pageOf(this.db, spec, q);
  }

  async get(ubigeo: string) {
    const [territory] = await this.db.query(`SELECT ${TERRITORY} FROM territories WHERE ubigeo = $1`, [ubigeo]);
    if (!territory) throw new NotFoundError('Territory', ubigeo);
    return territory;
  }
}
