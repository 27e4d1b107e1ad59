import { Dec } from '../../common/decimal.js';
import type { PortfolioTranche } from './report-data.js';

/** A tranche with every sol of it accounted for (2-decimal text). */
export interface PortfolioLine extends PortfolioTranche {
  year: number;
  carriedIn: string;
  transferredAmount: string;
  cancelledAmount: string;
  notPaid: string;
  carriedOver: string;
  pending: string;
}

const TERMINAL = new Set(['TRANSFERRED', 'CANCELLED']);
const ZERO = new Dec(0);
const dec = (v: string | null): Dec => (v === null ? ZERO : new Dec(v));

/**
 * Accounts for one agreement's tranches (in period order) so that for every tranche
 *   programmed + carried in = transferred + cancelled + not paid + carried over + pending.
 * Carry comes from the frozen results; a variable tranche not verified yet expects what the
 * previous period carried over, so carried money never disappears between two verifications.
 * Once a tranche is closed (transferred or cancelled) nothing is pending: what was not sent is
 * not paid. Before that, "not paid" is what verification found will never be (fixed: unpaid
 * balance; variable: released), and the rest is pending.
 */
export function accountAgreement(tranches: readonly PortfolioTranche[]): PortfolioLine[] {
  let carriedToNext: string | null = null;
  return tranches.map((t) => {
    const verified = t.verifiedAmount !== null;
    const carriedIn = t.kind === 'VARIABLE' ? (verified ? dec(t.frozenCarriedIn) : dec(carriedToNext)) : ZERO;
    const carriedOver = verified ? dec(t.frozenCarriedOver) : ZERO;
    if (t.kind === 'VARIABLE') carriedToNext = verified ? t.frozenCarriedOver : null;
    const transferred = dec(t.transferred);
    const cancelled = dec(t.cancelled);
    const residual = dec(t.amount).plus(carriedIn).minus(transferred).minus(cancelled).minus(carriedOver);
    const notPaid = TERMINAL.has(t.status) ? residual : verified ? dec(t.frozenNotPaid) : ZERO;
    return {
      ...t,
      year: Number(t.plannedDate.slice(0, 4)),
      carriedIn: carriedIn.toFixed(2),
      transferredAmount: transferred.toFixed(2),
      cancelledAmount: cancelled.toFixed(2),
      notPaid: notPaid.toFixed(2),
      carriedOver: carriedOver.toFixed(2),
      pending: residual.minus(notPaid).toFixed(2),
    };
  });
}

export const MONEY_FIELDS = ['amount', 'carriedIn', 'transferredAmount', 'cancelledAmount', 'notPaid', 'carriedOver', 'pending'] as const;
type MoneyField = (typeof MONEY_FIELDS)[number];

export interface GroupTotal {
  key: string[];
  agreements: number;
  tranches: number;
  money: Record<MoneyField, string>;
}

/** Sums of lines by a key (donor, programme, region, year…), in exact decimals; held per group only. */
export class PortfolioTotals {
  private readonly groups = new Map<string, { key: string[]; agreements: Set<string>; tranches: number; money: Record<MoneyField, Dec> }>();

  constructor(private readonly keyOf: (line: PortfolioLine) => string[]) {}

  add(line: PortfolioLine): void {
    const key = this.keyOf(line);
    const id = JSON.stringify(key);
    let g = this.groups.get(id);
    if (!g) {
      g = { key, agreements: new Set(), tranches: 0, money: Object.fromEntries(MONEY_FIELDS.map((f) => [f, ZERO])) as Record<MoneyField, Dec> };
      this.groups.set(id, g);
    }
    g.agreements.add(line.agreementId);
    g.tranches++;
    for (const f of MONEY_FIELDS) g.money[f] = g.money[f].plus(line[f]);
  }

  /** Groups in key order (numbers as numbers), then the grand total with an empty key. */
  rows(): { groups: GroupTotal[]; total: GroupTotal } {
    const all = [...this.groups.values()];
    const toTotal = (g: (typeof all)[number]): GroupTotal => ({
      key: g.key, agreements: g.agreements.size, tranches: g.tranches,
      money: Object.fromEntries(MONEY_FIELDS.map((f) => [f, g.money[f].toFixed(2)])) as Record<MoneyField, string>,
    });
    const groups = all.map(toTotal).sort((a, b) => compareKeys(a.key, b.key));
    const agreements = new Set(all.flatMap((g) => [...g.agreements]));
    const money = Object.fromEntries(
      MONEY_FIELDS.map((f) => [f, all.reduce((s, g) => s.plus(g.money[f]), ZERO).toFixed(2)]),
    ) as Record<MoneyField, string>;
    return { groups, total: { key: [], agreements: agreements.size, tranches: all.reduce((n, g) => n + g.tranches, 0), money } };
  }
}

const collator = new Intl.Collator('es', { numeric: true, sensitivity: 'base' });
function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = collator.compare(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return 0;
}
