import { Dec } from '../../common/decimal.js';
import { accountAgreement, PortfolioTotals } from './portfolio-accounting.js';
import type { PortfolioTranche } from './report-data.js';

const tranche = (o: Partial<PortfolioTranche>): PortfolioTranche => ({
  donor: 'UE', fundingProgram: 'EUROPAN', agreementId: 'a1', agreementCode: 'CAP-1', agreementTitle: 'Convenio', agreementStatus: 'IN_FORCE',
  entity: 'GORE Ayacucho', region: 'AYACUCHO', periodCode: '2031', kind: 'VARIABLE', status: 'SCHEDULED', plannedDate: '2031-12-31',
  amount: '1000000.00', verifiedAmount: null, frozenCarriedIn: null, frozenCarriedOver: null, frozenNotPaid: null, transferred: null,
  transferredOn: null, instrument: null, cancelled: null, ...o,
});

/** programmed + carried in = transferred + cancelled + not paid + carried over + pending */
const balanced = (l: ReturnType<typeof accountAgreement>[number]) =>
  new Dec(l.amount).plus(l.carriedIn).eq(
    new Dec(l.transferredAmount).plus(l.cancelledAmount).plus(l.notPaid).plus(l.carriedOver).plus(l.pending),
  );

describe('accountAgreement', () => {
  it('keeps carried money pending in the next period until it is verified, and every line balanced', () => {
    const lines = accountAgreement([
      tranche({ kind: 'FIXED', amount: '500000.00', status: 'TRANSFERRED', verifiedAmount: '500000.00', frozenNotPaid: '0.00', transferred: '500000.00' }),
      tranche({ status: 'TRANSFERRED', verifiedAmount: '700000.00', frozenCarriedIn: '0.00', frozenCarriedOver: '250000.00', frozenNotPaid: '50000.00', transferred: '700000.00' }),
      tranche({ periodCode: '2032', plannedDate: '2032-12-31' }),
    ]);
    expect(lines.map((l) => [l.carriedIn, l.notPaid, l.carriedOver, l.pending])).toEqual([
      ['0.00', '0.00', '0.00', '0.00'],
      ['0.00', '50000.00', '250000.00', '0.00'],
      ['250000.00', '0.00', '0.00', '1250000.00'],
    ]);
    expect(lines.every(balanced)).toBe(true);
    expect(lines.map((l) => l.year)).toEqual([2031, 2031, 2032]);
  });

  it('counts a verified tranche not yet transferred as pending for its verified amount, and a closed one as nothing pending', () => {
    const [verified, cancelled, short] = accountAgreement([
      tranche({ kind: 'FIXED', status: 'APPROVED', verifiedAmount: '0.00', frozenNotPaid: '1000000.00' }),
      tranche({ kind: 'FIXED', periodCode: '2032', status: 'CANCELLED', cancelled: '1000000.00' }),
      tranche({ kind: 'FIXED', periodCode: '2033', status: 'TRANSFERRED', verifiedAmount: '1000000.00', frozenNotPaid: '0.00', transferred: '900000.00' }),
    ]);
    expect([verified!.notPaid, verified!.pending]).toEqual(['1000000.00', '0.00']);
    expect([cancelled!.cancelledAmount, cancelled!.notPaid, cancelled!.pending]).toEqual(['1000000.00', '0.00', '0.00']);
    expect([short!.transferredAmount, short!.notPaid, short!.pending]).toEqual(['900000.00', '100000.00', '0.00']);
  });
});

describe('PortfolioTotals', () => {
  it('sums exactly by key, counts agreements once, and orders years as numbers', () => {
    const totals = new PortfolioTotals((l) => [String(l.year)]);
    const lines = [
      ...accountAgreement([tranche({ plannedDate: '2031-06-30', amount: '0.10' }), tranche({ periodCode: '2032', plannedDate: '2031-12-31', amount: '0.20' })]),
      ...accountAgreement([tranche({ agreementId: 'a2', plannedDate: '2030-12-31', amount: '1.00' })]),
    ];
    lines.forEach((l) => totals.add(l));
    const { groups, total } = totals.rows();
    expect(groups.map((g) => [g.key[0], g.agreements, g.tranches, g.money.amount, g.money.pending])).toEqual([
      ['2030', 1, 1, '1.00', '1.00'],
      ['2031', 1, 2, '0.30', '0.30'],
    ]);
    expect([total.agreements, total.tranches, total.money.amount]).toEqual([2, 3, '1.30']);
  });
});
