import type { EntityManager } from 'typeorm';
import { Dec, money } from '../common/decimal.js';
import { NotFoundError } from '../common/errors.js';
import type { AgreementView, CriterionView, IndicatorView, PeriodView, ProcessView, SubprocessView } from './agreement-view.js';

/** Ratios and measured values leave as plain decimals without trailing zeros ("0.25", "76"). */
const decimal = (v: string) => new Dec(v).toFixed();
const decimalOrNull = (v: string | null) => (v === null ? null : decimal(v));
const day = (column: string, as: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${as}"`;

/**
 * The whole agreement as it stands now (GET /agreements/:id), read in the caller's transaction.
 * The caller has already checked that the user may see it.
 */
export async function readAgreementView(tx: EntityManager, id: string): Promise<AgreementView> {
  const [a] = await tx.query(
    `SELECT a.*, ${day('a.signed_on', 'signedOn')}, ${day('a.starts_on', 'startsOn')}, ${day('a.ends_on', 'endsOn')},
       a.max_amount::text AS "maxAmount", a.budget_program_ids::text[] AS "budgetProgramIds",
       a.prioritized_product_ids::text[] AS "prioritizedProductIds", a.scope_quintiles::int[] AS quintiles,
       json_build_object('id', fp.id, 'code', fp.code, 'name', fp.name, 'donor', json_build_object('id', d.id, 'code', d.code, 'name', d.name)) AS "fundingProgram",
       json_build_object('id', e.id, 'code', e.code, 'name', e.name) AS entity,
       CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('id', v.id, 'code', v.code, 'name', v.name) END AS "verifierEntity"
     FROM agreements a
     JOIN funding_programs fp ON fp.id = a.funding_program_id
     JOIN donors d ON d.id = fp.donor_id
     JOIN entities e ON e.id = a.entity_id
     LEFT JOIN entities v ON v.id = a.verifier_entity_id
     WHERE a.id = $1`,
    [id],
  );
  if (!a) throw new NotFoundError('Agreement', id);

  const budgetPrograms = await tx.query(
    `SELECT b.id, b.code, b.name FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n) JOIN budget_programs b ON b.id = u.id ORDER BY u.n`,
    [a.budgetProgramIds],
  );
  const products = await tx.query(
    `SELECT p.id, p.code, p.name, p.budget_program_id AS "budgetProgramId"
     FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n) JOIN budget_products p ON p.id = u.id ORDER BY u.n`,
    [a.prioritizedProductIds],
  );
  const analysts = await tx.query(
    `SELECT u.id, u.name, u.email FROM agreement_analysts aa JOIN users u ON u.id = aa.user_id WHERE aa.agreement_id = $1 ORDER BY u.email`,
    [id],
  );
  const scope = await tx.query(`SELECT ubigeo FROM agreement_scope WHERE agreement_id = $1 ORDER BY ubigeo`, [id]);
  const departments = await departmentsOf(tx, [id]);
  const periods = await tx.query(
    `SELECT id, code, name, ordinal, ${day('starts_on', 'startsOn')}, ${day('ends_on', 'endsOn')}
     FROM periods WHERE agreement_id = $1 ORDER BY ordinal`,
    [id],
  );
  const tranches = await tx.query(
    `SELECT id, period_id, kind, amount::text AS amount, ${day('planned_date', 'plannedDate')}, status
     FROM tranches WHERE agreement_id = $1 ORDER BY kind`,
    [id],
  );

  const periodViews: PeriodView[] = periods.map((p: PeriodView) => ({
    ...p,
    tranches: tranches
      .filter((t: { period_id: string }) => t.period_id === p.id)
      .map((t: any) => ({ id: t.id, kind: t.kind, amount: money(t.amount), plannedDate: t.plannedDate, status: t.status })),
  }));
  const periodCode = new Map(periodViews.map((p) => [p.id, p.code]));
  const periodOrdinal = new Map(periodViews.map((p) => [p.id, p.ordinal]));

  return {
    id: a.id,
    code: a.code,
    title: a.title,
    status: a.status,
    number: a.number,
    signedOn: a.signedOn,
    currentVersion: a.current_version,
    illustrative: a.illustrative,
    fundingProgramId: a.funding_program_id,
    fundingProgram: a.fundingProgram,
    entityId: a.entity_id,
    entity: a.entity,
    verifierEntityId: a.verifier_entity_id,
    verifierEntity: a.verifierEntity,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    maxAmount: money(a.maxAmount),
    notes: a.notes,
    budgetProgramIds: a.budgetProgramIds,
    budgetPrograms,
    prioritizedProductIds: a.prioritizedProductIds,
    prioritizedProducts: products,
    analysts,
    rules: { fixedTrancheRule: a.fixed_tranche_rule, allowCarryOver: a.allow_carry_over, correctionDays: a.correction_days },
    scope: { ubigeos: scope.map((s: { ubigeo: string }) => s.ubigeo), quintiles: a.quintiles },
    departments: departments.get(id) ?? [],
    periods: periodViews,
    processes: await readProcesses(tx, id, periodCode, periodOrdinal),
    indicators: await readIndicators(tx, id, periodCode, periodOrdinal),
    createdAt: new Date(a.created_at).toISOString(),
    updatedAt: new Date(a.updated_at).toISOString(),
  };
}

/** Departments each agreement touches: its entity's and its scope's territories'. */
export async function departmentsOf(tx: EntityManager, agreementIds: string[]): Promise<Map<string, Array<{ ubigeo: string; name: string }>>> {
  const rows: Array<{ agreement_id: string; ubigeo: string; name: string }> = await tx.query(
    `SELECT DISTINCT x.agreement_id, t.department_ubigeo AS ubigeo, t.department_name AS name
     FROM (SELECT s.agreement_id, s.ubigeo FROM agreement_scope s WHERE s.agreement_id = ANY($1::uuid[])
           UNION SELECT a.id, e.ubigeo FROM agreements a JOIN entities e ON e.id = a.entity_id
                 WHERE a.id = ANY($1::uuid[]) AND e.ubigeo IS NOT NULL) x
     JOIN territories t ON t.ubigeo = x.ubigeo
     ORDER BY 2`,
    [agreementIds],
  );
  const out = new Map<string, Array<{ ubigeo: string; name: string }>>();
  for (const r of rows) out.set(r.agreement_id, [...(out.get(r.agreement_id) ?? []), { ubigeo: r.ubigeo, name: r.name }]);
  return out;
}

async function readProcesses(
  tx: EntityManager, id: string, periodCode: Map<string, string>, periodOrdinal: Map<string, number>,
): Promise<ProcessView[]> {
  const processes = await tx.query(`SELECT id, code, name, ordinal, weight::text, share::text FROM processes WHERE agreement_id = $1 ORDER BY ordinal`, [id]);
  const subprocesses = await tx.query(
    `SELECT s.id, s.process_id, s.code, s.name, s.ordinal, s.weight::text FROM subprocesses s JOIN processes p ON p.id = s.process_id
     WHERE p.agreement_id = $1 ORDER BY s.ordinal`,
    [id],
  );
  const criteria = await tx.query(
    `SELECT id, subprocess_id, code, name, ordinal, kind, unit, weight::text, verification_means FROM criteria
     WHERE agreement_id = $1 ORDER BY ordinal`,
    [id],
  );
  const levels = await tx.query(
    `SELECT l.criterion_id, l.period_id, l.required_level FROM criterion_levels l JOIN criteria c ON c.id = l.criterion_id
     WHERE c.agreement_id = $1`,
    [id],
  );
  const criterionViews = (subprocessId: string): CriterionView[] =>
    criteria
      .filter((c: any) => c.subprocess_id === subprocessId)
      .map((c: any) => ({
        id: c.id, code: c.code, name: c.name, ordinal: c.ordinal, kind: c.kind, unit: c.unit, weight: decimalOrNull(c.weight),
        verificationMeans: c.verification_means,
        levels: levels
          .filter((l: any) => l.criterion_id === c.id)
          .sort((x: any, y: any) => periodOrdinal.get(x.period_id)! - periodOrdinal.get(y.period_id)!)
          .map((l: any) => ({ periodId: l.period_id, period: periodCode.get(l.period_id)!, value: l.required_level })),
      }));
  const subprocessViews = (processId: string): SubprocessView[] =>
    subprocesses
      .filter((s: any) => s.process_id === processId)
      .map((s: any) => ({ id: s.id, code: s.code, name: s.name, ordinal: s.ordinal, weight: decimalOrNull(s.weight), criteria: criterionViews(s.id) }));
  return processes.map((p: any) => ({
    id: p.id, code: p.code, name: p.name, ordinal: p.ordinal, weight: decimalOrNull(p.weight), share: decimalOrNull(p.share),
    subprocesses: subprocessViews(p.id),
  }));
}

async function readIndicators(
  tx: EntityManager, id: string, periodCode: Map<string, string>, periodOrdinal: Map<string, number>,
): Promise<IndicatorView[]> {
  const indicators = await tx.query(
    `SELECT id, code, name, ordinal, kind, unit, direction, baseline_value::text, baseline_year, baseline_source, source,
       territorial_level, weight::text, scoring, datasheet
     FROM indicators WHERE agreement_id = $1 ORDER BY ordinal`,
    [id],
  );
  const targets = await tx.query(
    `SELECT t.id, t.indicator_id, t.period_id, t.ubigeo, t.value::text FROM indicator_targets t JOIN indicators i ON i.id = t.indicator_id
     WHERE i.agreement_id = $1 ORDER BY t.ubigeo NULLS FIRST`,
    [id],
  );
  return indicators.map((x: any) => ({
    id: x.id, code: x.code, name: x.name, ordinal: x.ordinal, kind: x.kind, unit: x.unit, direction: x.direction,
    baseline: { value: decimal(x.baseline_value), year: x.baseline_year, source: x.baseline_source },
    source: x.source, territorialLevel: x.territorial_level, weight: decimal(x.weight), scoring: x.scoring, datasheet: x.datasheet,
    targets: targets
      .filter((t: any) => t.indicator_id === x.id)
      .sort((s: any, t: any) => periodOrdinal.get(s.period_id)! - periodOrdinal.get(t.period_id)!)
      .map((t: any) => ({ id: t.id, periodId: t.period_id, period: periodCode.get(t.period_id)!, ubigeo: t.ubigeo, value: decimal(t.value) })),
  }));
}
