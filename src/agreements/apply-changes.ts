import { criteriaOf, type AgreementDocument, type TrancheKind } from './agreement-document.js';
import { documentOf, snapshotOf, type AgreementView } from './agreement-view.js';
import type { TrancheStatus } from '../tranches/tranche-state.js';
import { problem, type ProblemDetail } from './validation/problems.js';

export interface AgreementChanges {
  tranches?: Array<{ period: string; kind: TrancheKind; amount?: string; plannedDate?: string }>;
  levels?: Array<{ criterion: string; period: string; value: string }>;
  targets?: Array<{ indicator: string; period: string; ubigeo?: string; value: string }>;
  maxAmount?: string;
  scope?: { addUbigeos?: string[] };
}

/** Money already on its way or settled is not renegotiated: only these tranches change amount or date. */
const CHANGEABLE: readonly TrancheStatus[] = ['SCHEDULED', 'OPEN'];
/** Once a tranche is verified (or cancelled) the goals it was judged on stay as they were. */
const SETTLED: readonly TrancheStatus[] = ['VERIFIED', 'APPROVED', 'TRANSFERRED', 'CANCELLED'];

/**
 * An addendum's changes applied to the agreement as it stands: the resulting document (to be checked
 * whole by the same rules as a draft) and what is wrong with the changes themselves, with paths
 * under `changes` / `effectiveFrom`. `since`: effective date of the version in force.
 */
export function applyChanges(
  view: AgreementView, changes: AgreementChanges, effectiveFrom: string, since: string,
): { document: AgreementDocument; problems: ProblemDetail[] } {
  const doc = documentOf(snapshotOf(view));
  const out: ProblemDetail[] = [];
  if (effectiveFrom < since) out.push(problem('effectiveFrom', `is before the version in force took effect (${since})`));
  if (effectiveFrom < view.startsOn || effectiveFrom > view.endsOn) {
    out.push(problem('effectiveFrom', `is outside the agreement (${view.startsOn} to ${view.endsOn})`));
  }
  const nothing = !changes.tranches?.length && !changes.levels?.length && !changes.targets?.length && changes.maxAmount === undefined
    && !changes.scope?.addUbigeos?.length;
  if (nothing) out.push(problem('changes', 'an addendum must change something'));

  const period = (code: string) => view.periods.find((p) => p.code === code);
  const statusOf = (code: string, kind: TrancheKind) => period(code)?.tranches.find((t) => t.kind === kind)?.status;

  changes.tranches?.forEach((c, i) => {
    const at = `changes.tranches[${i}]`;
    const p = doc.periods.find((x) => x.code === c.period);
    const spec = c.kind === 'FIXED' ? p?.fixedTranche : p?.variableTranche;
    const status = statusOf(c.period, c.kind);
    if (!p) out.push(problem(`${at}.period`, `unknown period ${c.period}`));
    else if (!spec || !status) out.push(problem(`${at}.kind`, `period ${c.period} has no ${c.kind} tranche`));
    else if (c.amount === undefined && c.plannedDate === undefined) out.push(problem(at, 'give amount or plannedDate'));
    else if (!CHANGEABLE.includes(status)) {
      out.push(problem(at, `the ${c.kind} tranche of ${c.period} is ${status}; only SCHEDULED or OPEN tranches may change`));
    } else {
      if (c.amount !== undefined) spec.amount = c.amount;
      if (c.plannedDate !== undefined) spec.plannedDate = c.plannedDate;
    }
  });

  const criteria = new Map(criteriaOf(doc).map(({ criterion }) => [criterion.code, criterion]));
  changes.levels?.forEach((c, i) => {
    const at = `changes.levels[${i}]`;
    const criterion = criteria.get(c.criterion);
    const status = statusOf(c.period, 'FIXED');
    if (!criterion) out.push(problem(`${at}.criterion`, `unknown criterion ${c.criterion}`));
    else if (!period(c.period)) out.push(problem(`${at}.period`, `unknown period ${c.period}`));
    else if (status && SETTLED.includes(status)) out.push(problem(at, `the FIXED tranche of ${c.period} is ${status}; its levels can no longer change`));
    else {
      const level = criterion.levels.find((l) => l.period === c.period);
      if (level) level.value = c.value;
      else criterion.levels.push({ period: c.period, value: c.value });
    }
  });

  changes.targets?.forEach((c, i) => {
    const at = `changes.targets[${i}]`;
    const indicator = doc.indicators.find((x) => x.code === c.indicator);
    const status = statusOf(c.period, 'VARIABLE');
    if (!indicator) out.push(problem(`${at}.indicator`, `unknown indicator ${c.indicator}`));
    else if (!period(c.period)) out.push(problem(`${at}.period`, `unknown period ${c.period}`));
    else if (status && SETTLED.includes(status)) out.push(problem(at, `the VARIABLE tranche of ${c.period} is ${status}; its targets can no longer change`));
    else {
      const target = indicator.targets.find((t) => t.period === c.period && (t.ubigeo ?? null) === (c.ubigeo ?? null));
      if (target) target.value = c.value;
      else indicator.targets.push({ period: c.period, ...(c.ubigeo ? { ubigeo: c.ubigeo } : {}), value: c.value });
    }
  });

  if (changes.maxAmount !== undefined) doc.maxAmount = changes.maxAmount;
  for (const u of changes.scope?.addUbigeos ?? []) {
    if (!doc.scope.ubigeos.includes(u)) doc.scope.ubigeos.push(u);
  }
  return { document: doc, problems: out };
}

/** What the changed items were before the addendum (for the audit entry). */
export function valuesBefore(view: AgreementView, changes: AgreementChanges) {
  const period = (code: string) => view.periods.find((p) => p.code === code);
  const criteria = view.processes.flatMap((p) => p.subprocesses.flatMap((s) => s.criteria));
  return {
    ...(changes.maxAmount !== undefined ? { maxAmount: view.maxAmount } : {}),
    tranches: (changes.tranches ?? []).map((c) => {
      const t = period(c.period)?.tranches.find((x) => x.kind === c.kind);
      return { period: c.period, kind: c.kind, amount: t?.amount ?? null, plannedDate: t?.plannedDate ?? null };
    }),
    levels: (changes.levels ?? []).map((c) => ({
      criterion: c.criterion, period: c.period,
      value: criteria.find((x) => x.code === c.criterion)?.levels.find((l) => l.period === c.period)?.value ?? null,
    })),
    targets: (changes.targets ?? []).map((c) => ({
      indicator: c.indicator, period: c.period, ubigeo: c.ubigeo ?? null,
      value: view.indicators.find((x) => x.code === c.indicator)?.targets
        .find((t) => t.period === c.period && t.ubigeo === (c.ubigeo ?? null))?.value ?? null,
    })),
    ...(changes.scope?.addUbigeos?.length ? { scopeUbigeos: view.scope.ubigeos } : {}),
  };
}
