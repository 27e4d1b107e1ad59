import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { RuleViolationError } from '../common/errors.js';
import type { AgreementDocument } from './agreement-document.js';
import { readAgreementView } from './agreement-reader.js';
import { assignAnalysts, insertAgreementRow, insertDefinition } from './agreement-store.js';
import { snapshotOf, type AgreementView } from './agreement-view.js';
import { loadKnownReferences } from './known-references.js';
import { validateAgreement } from './validation/validate-agreement.js';
import type { ProblemDetail } from './validation/problems.js';

export const INITIAL_VERSION_REASON = 'Versión inicial';

/** Every domain rule over the document (422 listing all problems), after looking up what it names. */
export async function checkAgreementRules(
  tx: EntityManager, doc: AgreementDocument, selfId: string | null = null, extra: ProblemDetail[] = [],
): Promise<void> {
  const problems = [...extra, ...validateAgreement(doc, await loadKnownReferences(tx, doc, selfId))];
  if (problems.length) {
    throw new RuleViolationError(`The agreement breaks ${problems.length} rule(s): ${problems.map((p) => p.field).join(', ')}`, problems);
  }
}

export interface DraftOptions {
  /** the analyst creating it, always assigned */
  creatingAnalystId?: string | null;
  /** demo data, marked as such */
  illustrative?: boolean;
}

/**
 * Registers a draft agreement from a well-formed document: checks every rule, writes the rows,
 * keeps version 1 ("Versión inicial") with the snapshot read back, and audits — all in `tx`.
 * POST /agreements and the demo loader both come through here.
 */
export async function draftAgreement(
  tx: EntityManager, audit: AuditService, doc: AgreementDocument, actor: Actor, opts: DraftOptions = {},
): Promise<AgreementView> {
  await checkAgreementRules(tx, doc);
  const id = await insertAgreementRow(tx, doc, actor.id, !!opts.illustrative);
  await insertDefinition(tx, id, doc);
  await assignAnalysts(tx, id, [...(doc.analystIds ?? []), ...(opts.creatingAnalystId ? [opts.creatingAnalystId] : [])]);
  const view = await readAgreementView(tx, id);
  const snapshot = snapshotOf(view);
  await tx.query(
    `INSERT INTO agreement_versions (agreement_id, version, effective_from, reason, snapshot, created_by) VALUES ($1, 1, $2, $3, $4, $5)`,
    [id, doc.startsOn, INITIAL_VERSION_REASON, JSON.stringify(snapshot), actor.id],
  );
  await audit.record(tx, { agreementId: id, subjectType: 'Agreement', subjectId: id, action: 'agreement.drafted', actor, after: snapshot });
  return view;
}
