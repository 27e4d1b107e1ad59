import type { EntityManager } from 'typeorm';
import type { WorkbookCatalogue } from './catalogue.js';

/** The catalogue rows a workbook may name by code, read once per template, import or export. */
export async function loadWorkbookCatalogue(tx: EntityManager): Promise<WorkbookCatalogue> {
  const entries = (table: string) => tx.query(`SELECT id, code, name FROM ${table} ORDER BY code`);
  return {
    fundingPrograms: await entries('funding_programs'),
    entities: await entries('entities'),
    budgetPrograms: await entries('budget_programs'),
    products: await tx.query(`SELECT id, code, name, budget_program_id AS "budgetProgramId" FROM budget_products ORDER BY code`),
    analysts: await tx.query(`SELECT id, email FROM users WHERE role = 'ANALYST' ORDER BY email`),
  };
}

/** Names of the territories, shown beside the scope's UBIGEOs in an export. */
export async function territoryNames(tx: EntityManager, ubigeos: string[]): Promise<Map<string, string>> {
  const rows: Array<{ ubigeo: string; name: string }> = await tx.query(`SELECT ubigeo, name FROM territories WHERE ubigeo = ANY($1::bpchar[])`, [ubigeos]);
  return new Map(rows.map((r) => [r.ubigeo, r.name]));
}
