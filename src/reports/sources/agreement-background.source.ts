import type { EntityManager } from 'typeorm';
import { money } from '../../common/decimal.js';
import type { AgreementBackground } from '../xlsx/report-data.js';

const opt = (v: string | null) => (v === null ? null : money(v));

/** Antecedentes: the agreement, its versions and its schedule of tranches with what was verified and sent. */
export async function loadBackground(tx: EntityManager, agreementId: string): Promise<AgreementBackground> {
  const [a] = await tx.query(
    `SELECT a.code, a.title, a.number, a.signed_on::text AS signed_on, a.starts_on::text AS starts_on, a.ends_on::text AS ends_on,
       a.status, e.name AS entity, fp.code || ' – ' || fp.name AS funding_program, d.name AS donor, ve.name AS verifier,
       a.max_amount, a.fixed_tranche_rule, a.allow_carry_over, a.correction_days, a.current_version
     FROM agreements a
     JOIN entities e ON e.id = a.entity_id
     JOIN funding_programs fp ON fp.id = a.funding_program_id
     JOIN donors d ON d.id = fp.donor_id
     LEFT JOIN entities ve ON ve.id = a.verifier_entity_id
     WHERE a.id = $1`,
    [agreementId],
  );
  const versions = await tx.query(
    `SELECT version, effective_from::text AS effective_from, reason, created_at FROM agreement_versions WHERE agreement_id = $1 ORDER BY version`,
    [agreementId],
  );
  const schedule = await tx.query(
    `SELECT p.code, p.name, t.kind, t.amount, t.planned_date::text AS planned_date, t.status, t.verified_amount,
       tr.amount AS transferred, tr.executed_on::text AS executed_on
     FROM tranches t
     JOIN periods p ON p.id = t.period_id
     LEFT JOIN transfers tr ON tr.tranche_id = t.id AND tr.status = 'EXECUTED'
     WHERE t.agreement_id = $1
     ORDER BY p.ordinal, t.kind`,
    [agreementId],
  );
  return {
    code: a.code, title: a.title, number: a.number, signedOn: a.signed_on, startsOn: a.starts_on, endsOn: a.ends_on, status: a.status,
    entity: a.entity, fundingProgram: a.funding_program, donor: a.donor, verifier: a.verifier, maxAmount: money(a.max_amount),
    fixedTrancheRule: a.fixed_tranche_rule, allowCarryOver: a.allow_carry_over, correctionDays: a.correction_days, currentVersion: a.current_version,
    versions: versions.map((v: any) => ({ version: v.version, effectiveFrom: v.effective_from, reason: v.reason, recordedAt: v.created_at })),
    schedule: schedule.map((s: any) => ({
      periodCode: s.code, periodName: s.name, kind: s.kind, amount: money(s.amount), plannedDate: s.planned_date, status: s.status,
      verifiedAmount: opt(s.verified_amount), transferredAmount: opt(s.transferred), transferredOn: s.executed_on,
    })),
  };
}
