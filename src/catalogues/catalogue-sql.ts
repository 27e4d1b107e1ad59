import type { DataSource } from 'typeorm';
import { BadInputError } from '../common/errors.js';
import { offsetOf, type Page, type PageQuery } from '../common/pagination.js';

/** One catalogue list: the SELECT list, FROM clause, filters and order. */
export interface ListSpec {
  select: string;
  from: string;
  where: string[];
  params: unknown[];
  orderBy: string;
}

export async function pageOf<T>(db: DataSource, spec: ListSpec, q: PageQuery): Promise<Page<T>> {
  const w = spec.where.length ? `WHERE ${spec.where.join(' AND ')}` : '';
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM ${spec.from} ${w}`, spec.params);
  const items = await db.query(
    `SELECT ${spec.select} FROM ${spec.from} ${w} ORDER BY ${spec.orderBy} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
    spec.params,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** LIKE pattern matching `text` anywhere, its `%` and `_` taken literally. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Adds `code`/`name` ILIKE filters for a free-text `q` on a catalogue table alias. */
export function matchCodeOrName(spec: ListSpec, alias: string, q: string | undefined): void {
  if (!q) return;
  const n = spec.params.push(containing(q));
  spec.where.push(`(${alias}.code ILIKE $${n} OR ${alias}.name ILIKE $${n})`);
}

/** Catalogue codes are unique; the INSERT … ON CONFLICT DO NOTHING that found one taken says so. */
export const codeInUse = (code: string) =>
  new BadInputError(`Code ${code} is already in use`, [{ field: 'code', problem: `${code} is already in use` }]);
