/**
 * What the workbook names by code and the document by id: the workbook speaks the codes people
 * know (EUROPAN, GORE-AYA, 0001), the document the ids of the catalogue rows. Loaded once per
 * request (`load-catalogue.ts`); plain data so the mapping stays pure.
 */
export interface CatalogueEntry {
  id: string;
  code: string;
  name: string;
}

export interface WorkbookCatalogue {
  fundingPrograms: CatalogueEntry[];
  entities: CatalogueEntry[];
  budgetPrograms: CatalogueEntry[];
  products: Array<CatalogueEntry & { budgetProgramId: string }>;
  /** analysts by e-mail */
  analysts: Array<{ id: string; email: string }>;
}

/** Budget programme codes are digits with leading zeros ("0001"); a cell retyped as a number loses them. */
const sameCode = (a: string, b: string) => a === b || (/^\d+$/.test(a) && /^\d+$/.test(b) && BigInt(a) === BigInt(b));

export const codeOf = (list: CatalogueEntry[], id: string): string => list.find((e) => e.id === id)?.code ?? id;

export const idOf = (list: CatalogueEntry[], code: string): string | undefined => list.find((e) => sameCode(e.code, code))?.id;

/**
 * A product by code among the products of the agreement's budget programmes (a product code is
 * unique only inside its programme): undefined when none has it, 'ambiguous' when several do.
 */
export function productIdOf(c: WorkbookCatalogue, budgetProgramIds: string[], code: string): string | 'ambiguous' | undefined {
  const found = c.products.filter((p) => budgetProgramIds.includes(p.budgetProgramId) && sameCode(p.code, code));
  return found.length > 1 ? 'ambiguous' : found[0]?.id;
}

export const productCodeOf = (c: WorkbookCatalogue, id: string): string => c.products.find((p) => p.id === id)?.code ?? id;

export const analystEmailOf = (c: WorkbookCatalogue, id: string): string => c.analysts.find((a) => a.id === id)?.email ?? id;

export const analystIdOf = (c: WorkbookCatalogue, email: string): string | undefined =>
  c.analysts.find((a) => a.email.toLowerCase() === email.toLowerCase())?.id;
