import type { EntityManager } from 'typeorm';

/** The demo catalogue's ids, found by the codes the catalogue part fixes. */
export interface DemoCatalogue {
  entity(code: string): string;
  programme(code: string): string;
  budgetProgram(code: string): string;
  /** every product of a budget programme, by product code */
  products(budgetProgramCode: string): string[];
}

export async function loadDemoCatalogue(tx: EntityManager): Promise<DemoCatalogue> {
  const byCode = async (sql: string) => new Map<string, string>((await tx.query(sql)).map((r: { code: string; id: string }) => [r.code, r.id]));
  const entities = await byCode(`SELECT code, id FROM entities`);
  const programmes = await byCode(`SELECT code, id FROM funding_programs`);
  const budgetPrograms = await byCode(`SELECT code, id FROM budget_programs`);
  const products: Array<{ program: string; id: string }> = await tx.query(
    `SELECT b.code AS program, p.id FROM budget_products p JOIN budget_programs b ON b.id = p.budget_program_id ORDER BY p.code`,
  );
  const need = (map: Map<string, string>, what: string) => (code: string) => {
    const id = map.get(code);
    if (!id) throw new Error(`demo agreements: ${what} ${code} is not in the catalogue (load the catalogue part first)`);
    return id;
  };
  return {
    entity: need(entities, 'entity'),
    programme: need(programmes, 'funding programme'),
    budgetProgram: need(budgetPrograms, 'budget programme'),
    products: (code) => products.filter((p) => p.program === code).map((p) => p.id),
  };
}
