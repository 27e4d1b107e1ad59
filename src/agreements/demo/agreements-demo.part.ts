import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../../audit/audit.types.js';
import type { DemoPart } from '../../demo/demo.service.js';
import { amendAgreement } from '../amend-agreement.js';
import { readAgreementView } from '../agreement-reader.js';
import { draftAgreement } from '../draft-agreement.js';
import { checkDocumentShape } from '../dto/check-document-shape.js';
import { signAgreement } from '../sign-agreement.js';
import type { DemoAgreement } from './demo-agreement.js';
import { EUROPAN_AYACUCHO, EUROPAN_JUNTOS, EUROPAN_RENIEC, EUROPAN_SIS } from './demo-agreements-europan.js';
import { ECOTRADE_PIURA, ENLCD_DEVIDA, SMN_AMAZONAS } from './demo-agreements-others.js';
import { loadDemoCatalogue, type DemoCatalogue } from './demo-catalogue.js';
import { stageTranche } from './stage-tranches.js';

/** Seven CAPs of seed 001 in every state an agreement and a tranche can be in. */
export const DEMO_AGREEMENTS: DemoAgreement[] = [
  EUROPAN_AYACUCHO, EUROPAN_RENIEC, EUROPAN_JUNTOS, EUROPAN_SIS, SMN_AMAZONAS, ECOTRADE_PIURA, ENLCD_DEVIDA,
];

const actor = SYSTEM_ACTOR('demo');

/**
 * Each demo agreement goes the way a real one does: drafted through the same path as
 * POST /agreements (same shape check, same rules), signed, its tranches taken to their state,
 * amended, closed. Marked illustrative; the demo users step assigns the demo analyst to them.
 */
async function loadDemoAgreement(tx: EntityManager, audit: AuditService, catalogue: DemoCatalogue, demo: DemoAgreement): Promise<void> {
  const doc = demo.build(catalogue);
  await checkDocumentShape(doc);
  const { id } = await draftAgreement(tx, audit, doc, actor, { illustrative: true });
  if (!demo.signature) return;
  await signAgreement(tx, audit, { id, status: 'DRAFT' }, demo.signature, actor);
  const view = await readAgreementView(tx, id);
  for (const [key, status] of Object.entries(demo.stages ?? {})) {
    const [period, kind] = key.split(' ');
    await stageTranche(tx, view, period, kind, status!);
  }
  await audit.record(tx, {
    agreementId: id, subjectType: 'Agreement', subjectId: id, action: 'agreement.demo_staged', actor, after: { tranches: demo.stages ?? {} },
  });
  if (demo.addendum) await amendAgreement(tx, audit, { id, status: 'IN_FORCE' }, demo.addendum, actor);
  if (demo.closed) {
    await tx.query(`UPDATE agreements SET status = 'CLOSED', row_version = row_version + 1, updated_at = now() WHERE id = $1`, [id]);
    await audit.record(tx, { agreementId: id, subjectType: 'Agreement', subjectId: id, action: 'agreement.closed', actor, before: { status: 'IN_FORCE' }, after: { status: 'CLOSED' } });
  }
}

export const agreementsDemoPart: DemoPart = {
  name: 'agreements',
  async load(tx) {
    // The audit service only needs the transaction it is given; the demo runs outside Nest's request scope.
    const audit = new AuditService(tx.connection);
    const catalogue = await loadDemoCatalogue(tx);
    for (const demo of DEMO_AGREEMENTS) await loadDemoAgreement(tx, audit, catalogue, demo);
  },
};
