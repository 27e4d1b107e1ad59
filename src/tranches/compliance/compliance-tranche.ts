import type { EntityManager } from 'typeorm';
import { Dec, money } from '../../common/decimal.js';
import { NotFoundError } from '../../common/errors.js';

/** A tranche with what the engine needs from its period and agreement. */
export interface ComplianceTranche {
  id: string;
  kind: 'FIXED' | 'VARIABLE';
  /** Two decimals, as the engine reads money. */
  amount: string;
  periodId: string;
  periodCode: string;
  agreementId: string;
  agreementVersion: number;
  fixedTrancheRule: 'ALL_OR_NOTHING' | 'PER_PROCESS';
  allowCarryOver: boolean;
}

const SELECT = `
  SELECT t.id, t.kind, t.amount, t.period_id, p.code AS period_code,
    a.id AS agreement_id, a.current_version, a.fixed_tranche_rule, a.allow_carry_over
  FROM tranches t JOIN periods p ON p.id = t.period_id JOIN agreements a ON a.id = t.agreement_id`;

function toTranche(r: Record<string, any>): ComplianceTranche {
  return {
    id: r.id, kind: r.kind, amount: money(r.amount), periodId: r.period_id, periodCode: r.period_code,
    agreementId: r.agreement_id, agreementVersion: r.current_version,
    fixedTrancheRule: r.fixed_tranche_rule, allowCarryOver: r.allow_carry_over,
  };
}

export async function loadTranche(tx: EntityManager, trancheId: string): Promise<ComplianceTranche> {
  const [row] = await tx.query(`${SELECT} WHERE t.id = $1`, [trancheId]);
  if (!row) throw new NotFoundError('Tranche', trancheId);
  return toTranche(row);
}

/** The agreement's variable tranches in period order: the series carry-over runs along. */
export async function loadVariableTranches(tx: EntityManager, agreementId: string): Promise<ComplianceTranche[]> {
  const rows = await tx.query(`${SELECT} WHERE t.agreement_id = $1 AND t.kind = 'VARIABLE' ORDER BY p.ordinal`, [agreementId]);
  return rows.map(toTranche);
}

/** `numeric` text in plain notation without trailing zeros ("0.600000" → "0.6"), as people read it. */
export const plain = (v: string): string => new Dec(v).toFixed();

/** The labels hashed with every result, so that a figure can be traced to its tranche, version and basis. */
export function contextOf(t: ComplianceTranche, basis: string): Record<string, string> {
  return { agreementId: t.agreementId, agreementVersion: String(t.agreementVersion), periodCode: t.periodCode, trancheId: t.id, basis };
}
