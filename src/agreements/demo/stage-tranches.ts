import type { EntityManager } from 'typeorm';
import { ALLOWED_MOVES, type TrancheStatus } from '../../tranches/tranche-state.js';
import type { AgreementView } from '../agreement-view.js';

export const DEMO_ACTOR_LABEL = 'system:demo';

/** The road a tranche travels to each state (DOMAIN.md §5), every step an allowed move. */
const ROADS: Record<TrancheStatus, TrancheStatus[]> = {
  SCHEDULED: [],
  OPEN: ['OPEN'],
  SUBMITTED: ['OPEN', 'SUBMITTED'],
  IN_REVIEW: ['OPEN', 'SUBMITTED', 'IN_REVIEW'],
  OBSERVED: ['OPEN', 'SUBMITTED', 'IN_REVIEW', 'OBSERVED'],
  VERIFIED: ['OPEN', 'SUBMITTED', 'IN_REVIEW', 'VERIFIED'],
  APPROVED: ['OPEN', 'SUBMITTED', 'IN_REVIEW', 'VERIFIED', 'APPROVED'],
  TRANSFERRED: ['OPEN', 'SUBMITTED', 'IN_REVIEW', 'VERIFIED', 'APPROVED', 'TRANSFERRED'],
  CANCELLED: ['OPEN', 'SUBMITTED', 'IN_REVIEW', 'OBSERVED', 'CANCELLED'],
};

const REASONS: Record<TrancheStatus, string> = {
  SCHEDULED: 'Programado',
  OPEN: 'Inicio del periodo (ilustrativo)',
  SUBMITTED: 'Informe de cumplimiento remitido por la entidad (ilustrativo)',
  IN_REVIEW: 'Revisión iniciada por el sectorista (ilustrativo)',
  OBSERVED: 'Observaciones emitidas; plazo de subsanación en curso (ilustrativo)',
  VERIFIED: 'Informe de verificación emitido (ilustrativo)',
  APPROVED: 'Verificación aprobada por la Dirección (ilustrativo)',
  TRANSFERRED: 'Transferencia registrada (ilustrativo)',
  CANCELLED: 'Art. 17.7 de la Directiva 002-2014-EF/50.01: observaciones no subsanadas en el plazo; se cancela el saldo (ilustrativo)',
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Puts a demo tranche where its story has got to: sets the status directly with the dates
 * that state implies (the verified figures are computed once the demo users exist) and writes one tranche_transitions row per step ('system:demo'), dated from
 * the period's start and the planned date so the history reads plausibly.
 */
export async function stageTranche(tx: EntityManager, view: AgreementView, periodCode: string, kind: string, to: TrancheStatus): Promise<void> {
  const period = view.periods.find((p) => p.code === periodCode);
  const tranche = period?.tranches.find((t) => t.kind === kind);
  if (!period || !tranche) throw new Error(`demo ${view.code}: no ${kind} tranche in ${periodCode}`);
  const road = ROADS[to];
  let from: TrancheStatus = 'SCHEDULED';
  const on: Partial<Record<TrancheStatus, string>> = {};
  for (const [i, step] of road.entries()) {
    if (!ALLOWED_MOVES[from].includes(step)) throw new Error(`demo ${view.code}: ${from} → ${step} is not an allowed move`);
    const at = step === 'OPEN' ? period.startsOn : addDays(tranche.plannedDate, 7 * (i - 1));
    on[step] = at;
    await tx.query(
      `INSERT INTO tranche_transitions (tranche_id, from_status, to_status, actor_id, actor_label, reason, at)
       VALUES ($1, $2, $3, NULL, $4, $5, $6::date + time '10:00')`,
      [tranche.id, from, step, DEMO_ACTOR_LABEL, REASONS[step], at],
    );
    from = step;
  }
  const set: Record<string, unknown> = { status: to };
  if (road.includes('VERIFIED')) {
    Object.assign(set, {
      verified_version: view.currentVersion, verified_at: `${on.VERIFIED} 10:00`,
      conclusions: 'Ilustrativo: compromisos y metas del periodo verificados con los valores aceptados; el monto a transferir es el que resulta del cálculo.',
    });
  }
  if (road.includes('APPROVED')) Object.assign(set, { approved_at: `${on.APPROVED} 10:00` });
  if (road.includes('OBSERVED')) Object.assign(set, { correction_deadline: addDays(tranche.plannedDate, 21 + view.rules.correctionDays) });
  if (to === 'CANCELLED') Object.assign(set, { cancelled_amount: tranche.amount, cancel_reason: REASONS.CANCELLED });
  const columns = Object.keys(set);
  await tx.query(
    `UPDATE tranches SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, row_version = row_version + $${columns.length + 2}
     WHERE id = $1`,
    [tranche.id, ...Object.values(set), road.length],
  );
}
