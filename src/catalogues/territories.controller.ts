import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { offsetOf, type Page } from '../common/pagination.js';
import { TerritoryQuery } from './territories.dto.js';

const COLUMNS = `ubigeo, level, name, department_name AS "departmentName", province_name AS "provinceName",
  parent_ubigeo AS "parentUbigeo", to_char(poverty_rate, 'FM990.0000') AS "povertyRate",
  to_char(extreme_poverty_rate, 'FM990.0000') AS "extremePovertyRate", quintile`;

@ApiTags('catalogues')
@ApiBearerAuth()
@Controller('territories')
export class TerritoriesController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'INEI UBIGEO territories with poverty rate (%) and national poverty quintile (districts)' })
  async list(@Query() q: TerritoryQuery): Promise<Page<unknown>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.level) where.push(`level = $${params.push(q.level)}`);
    if (q.parent) where.push(`parent_ubigeo = $${params.push(q.parent)}`);
    if (q.quintile) where.push(`quintile = $${params.push(q.quintile)}`);
    if (q.q) where.push(`(name ILIKE $${params.push('%' + q.q + '%')} OR ubigeo LIKE $${params.length})`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM territories ${w}`, params);
    const items = await this.db.query(
      `SELECT ${COLUMNS} FROM territories ${w} ORDER BY ubigeo LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  @Get(':ubigeo')
  @ApiOperation({ summary: 'One territory by UBIGEO' })
  async one(@Param('ubigeo') ubigeo: string) {
    if (!/^\d{6}$/.test(ubigeo)) throw new BadInputError('ubigeo must be 6 digits', [{ field: 'ubigeo', problem: 'must be a 6-digit UBIGEO' }]);
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM territories WHERE ubigeo = $1`, [ubigeo]);
    if (!row) throw new NotFoundError('Territory', ubigeo);
    return row;
  }
}
