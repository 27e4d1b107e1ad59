import type { AgreementDocument } from '../agreement-document.js';
import { problem, type ProblemDetail } from './problems.js';

/** What the catalogues and users hold of what the document names (looked up by the caller). */
export interface KnownReferences {
  entityIds: ReadonlySet<string>;
  fundingProgramIds: ReadonlySet<string>;
  budgetProgramIds: ReadonlySet<string>;
  /** product id → id of its budget programme */
  products: ReadonlyMap<string, string>;
  /** active users with role ANALYST */
  analystIds: ReadonlySet<string>;
  ubigeos: ReadonlySet<string>;
  /** the document's code already belongs to another agreement */
  codeTaken: boolean;
}

/** Everything the document refers to, to look up before checking it. */
export function referencesOf(doc: AgreementDocument) {
  return {
    entityIds: [doc.entityId, ...(doc.verifierEntityId ? [doc.verifierEntityId] : [])],
    fundingProgramIds: [doc.fundingProgramId],
    budgetProgramIds: doc.budgetProgramIds,
    productIds: doc.prioritizedProductIds,
    analystIds: doc.analystIds ?? [],
    ubigeos: [...doc.scope.ubigeos, ...doc.indicators.flatMap((x) => x.targets.flatMap((t) => (t.ubigeo ? [t.ubigeo] : [])))],
    code: doc.code,
  };
}

/**
 * Ids and UBIGEOs name rows that exist: entities, funding programme, budget programmes, products
 * (of one of the agreement's budget programmes), analysts, territories in scope and in targets.
 * The verifier is a third party, never the entity itself.
 */
export function checkReferences(doc: AgreementDocument, known: KnownReferences): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  if (!known.entityIds.has(doc.entityId)) out.push(problem('entityId', 'no such entity'));
  if (doc.verifierEntityId !== undefined) {
    if (!known.entityIds.has(doc.verifierEntityId)) out.push(problem('verifierEntityId', 'no such entity'));
    else if (doc.verifierEntityId === doc.entityId) out.push(problem('verifierEntityId', 'the verifier must be another entity than the one that reports'));
  }
  if (!known.fundingProgramIds.has(doc.fundingProgramId)) out.push(problem('fundingProgramId', 'no such funding programme'));
  doc.budgetProgramIds.forEach((id, i) => {
    if (!known.budgetProgramIds.has(id)) out.push(problem(`budgetProgramIds[${i}]`, 'no such budget programme'));
  });
  const programmes = new Set(doc.budgetProgramIds);
  doc.prioritizedProductIds.forEach((id, i) => {
    const programme = known.products.get(id);
    if (programme === undefined) out.push(problem(`prioritizedProductIds[${i}]`, 'no such budget product'));
    else if (!programmes.has(programme)) out.push(problem(`prioritizedProductIds[${i}]`, 'belongs to a budget programme not in budgetProgramIds'));
  });
  (doc.analystIds ?? []).forEach((id, i) => {
    if (!known.analystIds.has(id)) out.push(problem(`analystIds[${i}]`, 'no such active ANALYST user'));
  });
  doc.scope.ubigeos.forEach((u, i) => {
    if (!known.ubigeos.has(u)) out.push(problem(`scope.ubigeos[${i}]`, `unknown UBIGEO ${u}`));
  });
  doc.indicators.forEach((ind, i) =>
    ind.targets.forEach((t, j) => {
      if (t.ubigeo !== undefined && !known.ubigeos.has(t.ubigeo)) out.push(problem(`indicators[${i}].targets[${j}].ubigeo`, `unknown UBIGEO ${t.ubigeo}`));
    }),
  );
  return out;
}
