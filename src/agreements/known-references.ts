import type { EntityManager } from 'typeorm';
import type { AgreementDocument } from './agreement-document.js';
import { referencesOf, type KnownReferences } from './validation/check-references.js';

/**
 * Looks up, in one go, which of the ids and UBIGEOs the document names exist, so the pure rules
 * can check them. `selfId`: the agreement being edited, whose own code is not "taken".
 */
export async function loadKnownReferences(tx: EntityManager, doc: AgreementDocument, selfId: string | null = null): Promise<KnownReferences> {
  const r = referencesOf(doc);
  const ids = (rows: Array<{ id: string }>) => new Set(rows.map((x) => x.id));
  const entities = await tx.query(`SELECT id FROM entities WHERE id = ANY($1::uuid[])`, [r.entityIds]);
  const programmes = await tx.query(`SELECT id FROM funding_programs WHERE id = ANY($1::uuid[])`, [r.fundingProgramIds]);
  const budgetPrograms = await tx.query(`SELECT id FROM budget_programs WHERE id = ANY($1::uuid[])`, [r.budgetProgramIds]);
  const products = await tx.query(`SELECT id, budget_program_id FROM budget_products WHERE id = ANY($1::uuid[])`, [r.productIds]);
  const analysts = await tx.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND role = 'ANALYST' AND active`, [r.analystIds]);
  const territories = await tx.query(`SELECT ubigeo FROM territories WHERE ubigeo = ANY($1::bpchar[])`, [[...new Set(r.ubigeos)]]);
  const taken = await tx.query(`SELECT 1 FROM agreements WHERE code = $1 AND id IS DISTINCT FROM $2::uuid`, [r.code, selfId]);
  return {
    entityIds: ids(entities),
    fundingProgramIds: ids(programmes),
    budgetProgramIds: ids(budgetPrograms),
    products: new Map(products.map((p: { id: string; budget_program_id: string }) => [p.id, p.budget_program_id])),
    analystIds: ids(analysts),
    ubigeos: new Set(territories.map((t: { ubigeo: string }) => t.ubigeo)),
    codeTaken: taken.length > 0,
  };
}
