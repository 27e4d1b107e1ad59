import { sampleAgreementDocument, UNIT_REFS } from '../../test/support/agreement-fixture.js';
import type { AgreementDocument } from './agreement-document.js';
import { documentOf, snapshotOf, type AgreementView } from './agreement-view.js';
import { applyChanges, valuesBefore } from './apply-changes.js';
import type { TrancheStatus } from '../tranches/tranche-state.js';

/** The view the reader would give for the sample document, with made-up ids and tranche statuses. */
function viewOf(doc: AgreementDocument, status: Record<string, TrancheStatus> = {}): AgreementView {
  let n = 0;
  const id = () => `id-${++n}`;
  const periodId = new Map(doc.periods.map((p) => [p.code, id()]));
  const ref = { id: id(), code: 'X', name: 'X' };
  return {
    id: id(), code: doc.code, title: doc.title, status: 'IN_FORCE', number: 'N-1', signedOn: '2020-12-01', currentVersion: 1, illustrative: false,
    fundingProgramId: doc.fundingProgramId, fundingProgram: { ...ref, donor: ref }, entityId: doc.entityId, entity: ref,
    verifierEntityId: null, verifierEntity: null, startsOn: doc.startsOn, endsOn: doc.endsOn, maxAmount: doc.maxAmount, notes: doc.notes ?? null,
    budgetProgramIds: doc.budgetProgramIds, budgetPrograms: [], prioritizedProductIds: doc.prioritizedProductIds, prioritizedProducts: [],
    analysts: [], rules: doc.rules, scope: doc.scope, departments: [], createdAt: '', updatedAt: '',
    periods: doc.periods.map((p, i) => ({
      id: periodId.get(p.code)!, code: p.code, name: p.name, ordinal: i + 1, startsOn: p.startsOn, endsOn: p.endsOn,
      tranches: [
        ...(p.fixedTranche ? [{ id: id(), kind: 'FIXED' as const, ...p.fixedTranche, status: status[`${p.code} FIXED`] ?? 'SCHEDULED' }] : []),
        ...(p.variableTranche ? [{ id: id(), kind: 'VARIABLE' as const, ...p.variableTranche, status: status[`${p.code} VARIABLE`] ?? 'SCHEDULED' }] : []),
      ],
    })),
    processes: doc.processes.map((p, i) => ({
      id: id(), code: p.code, name: p.name, ordinal: i + 1, weight: p.weight ?? null, share: p.share ?? null,
      subprocesses: p.subprocesses.map((s, j) => ({
        id: id(), code: s.code, name: s.name, ordinal: j + 1, weight: s.weight ?? null,
        criteria: s.criteria.map((c, k) => ({
          id: id(), code: c.code, name: c.name, ordinal: k + 1, kind: c.kind, unit: c.unit ?? null, weight: c.weight ?? null,
          verificationMeans: c.verificationMeans ?? null,
          levels: c.levels.map((l) => ({ periodId: periodId.get(l.period)!, period: l.period, value: l.value })),
        })),
      })),
    })),
    indicators: doc.indicators.map((x, i) => ({
      id: id(), code: x.code, name: x.name, ordinal: i + 1, kind: x.kind, unit: x.unit, direction: x.direction,
      baseline: { value: x.baseline.value, year: x.baseline.year, source: x.baseline.source ?? null }, source: x.source,
      territorialLevel: x.territorialLevel, weight: x.weight, scoring: x.scoring, datasheet: x.datasheet ?? null,
      targets: x.targets.map((t) => ({ id: id(), periodId: periodId.get(t.period)!, period: t.period, ubigeo: t.ubigeo ?? null, value: t.value })),
    })),
  };
}

const sample = () => sampleAgreementDocument('X', UNIT_REFS);

describe('documentOf', () => {
  it('gives back the document the view was made from', () => {
    expect(documentOf(snapshotOf(viewOf(sample())))).toEqual(sample());
  });
});

describe('applyChanges', () => {
  it('changes amounts, levels, targets, maximum and scope in the resulting document', () => {
    const { document, problems } = applyChanges(viewOf(sample()), {
      tranches: [{ period: 'P2', kind: 'VARIABLE', amount: '350000.00' }],
      levels: [{ criterion: 'C2', period: 'P2', value: '85' }],
      targets: [{ indicator: 'IND-2', period: 'P2', value: '29' }, { indicator: 'IND-1', period: 'P2', ubigeo: '050101', value: '61' }],
      maxAmount: '1050000.00',
      scope: { addUbigeos: ['050101', '050114'] },
    }, '2022-01-01', '2021-01-01');
    expect(problems).toEqual([]);
    expect(document.periods[1].variableTranche).toEqual({ amount: '350000.00', plannedDate: '2023-03-31' });
    expect(document.processes[0].subprocesses[0].criteria[1].levels[1]).toEqual({ period: 'P2', value: '85' });
    expect(document.indicators[1].targets[1]).toEqual({ period: 'P2', value: '29' });
    expect(document.indicators[0].targets.at(-1)).toEqual({ period: 'P2', ubigeo: '050101', value: '61' });
    expect(document.maxAmount).toBe('1050000.00');
    expect(document.scope.ubigeos).toEqual(['050114', '050112', '050101']);
  });

  it('refuses to change a tranche that is no longer SCHEDULED or OPEN, naming it', () => {
    const view = viewOf(sample(), { 'P1 FIXED': 'TRANSFERRED', 'P1 VARIABLE': 'OPEN' });
    const { problems } = applyChanges(view, {
      tranches: [{ period: 'P1', kind: 'FIXED', amount: '1.00' }, { period: 'P1', kind: 'VARIABLE', amount: '2.00' }],
    }, '2021-06-01', '2021-01-01');
    expect(problems).toEqual([
      { field: 'changes.tranches[0]', problem: 'the FIXED tranche of P1 is TRANSFERRED; only SCHEDULED or OPEN tranches may change' },
    ]);
  });

  it('keeps the goals of a settled tranche', () => {
    const view = viewOf(sample(), { 'P1 FIXED': 'VERIFIED', 'P1 VARIABLE': 'APPROVED' });
    const { problems } = applyChanges(view, {
      levels: [{ criterion: 'C2', period: 'P1', value: '50' }], targets: [{ indicator: 'IND-2', period: 'P1', value: '34' }],
    }, '2021-06-01', '2021-01-01');
    expect(problems.map((p) => p.field)).toEqual(['changes.levels[0]', 'changes.targets[0]']);
  });

  it('names unknown periods, kinds, criteria and indicators, an empty addendum and a date out of place', () => {
    const { problems } = applyChanges(viewOf(sample()), {
      tranches: [{ period: 'P9', kind: 'FIXED', amount: '1.00' }],
      levels: [{ criterion: 'C9', period: 'P1', value: '1' }],
      targets: [{ indicator: 'IND-1', period: 'P7', value: '1' }],
    }, '2020-06-01', '2021-01-01');
    expect(problems.map((p) => p.field)).toEqual([
      'effectiveFrom', 'effectiveFrom', 'changes.tranches[0].period', 'changes.levels[0].criterion', 'changes.targets[0].period',
    ]);
    expect(applyChanges(viewOf(sample()), {}, '2021-06-01', '2021-01-01').problems).toEqual([
      { field: 'changes', problem: 'an addendum must change something' },
    ]);
  });

  it('remembers what the changed items were', () => {
    const view = viewOf(sample());
    expect(valuesBefore(view, { maxAmount: '2.00', targets: [{ indicator: 'IND-2', period: 'P1', value: '30' }] })).toEqual({
      maxAmount: '1000000.00', tranches: [], levels: [], targets: [{ indicator: 'IND-2', period: 'P1', ubigeo: null, value: '33' }],
    });
  });
});
