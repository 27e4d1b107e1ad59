import type {
  AgreementDocument, CriterionKind, Datasheet, Direction, FixedTrancheRule, IndicatorKind, PeriodSpec, Scoring, TerritorialLevel,
  TrancheKind,
} from './agreement-document.js';
import type { TrancheStatus } from '../tranches/tranche-state.js';

export const AGREEMENT_STATUSES = ['DRAFT', 'IN_FORCE', 'CLOSED', 'TERMINATED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export interface Ref {
  id: string;
  code: string;
  name: string;
}

export interface TrancheView {
  id: string;
  kind: TrancheKind;
  amount: string;
  plannedDate: string;
  status: TrancheStatus;
}

export interface PeriodView {
  id: string;
  code: string;
  name: string;
  ordinal: number;
  startsOn: string;
  endsOn: string;
  tranches: TrancheView[];
}

export interface CriterionView {
  id: string;
  code: string;
  name: string;
  ordinal: number;
  kind: CriterionKind;
  unit: string | null;
  weight: string | null;
  verificationMeans: string | null;
  levels: Array<{ periodId: string; period: string; value: string }>;
}

export interface SubprocessView {
  id: string;
  code: string;
  name: string;
  ordinal: number;
  weight: string | null;
  criteria: CriterionView[];
}

export interface ProcessView {
  id: string;
  code: string;
  name: string;
  ordinal: number;
  weight: string | null;
  share: string | null;
  subprocesses: SubprocessView[];
}

export interface TargetView {
  id: string;
  periodId: string;
  period: string;
  ubigeo: string | null;
  value: string;
}

export interface IndicatorView {
  id: string;
  code: string;
  name: string;
  ordinal: number;
  kind: IndicatorKind;
  unit: string;
  direction: Direction;
  baseline: { value: string; year: number; source: string | null };
  source: string;
  territorialLevel: TerritorialLevel;
  weight: string;
  scoring: Scoring;
  datasheet: Datasheet | null;
  targets: TargetView[];
}

/** GET /agreements/:id — the agreement as it stands now, every row with its id. */
export interface AgreementView {
  id: string;
  code: string;
  title: string;
  status: AgreementStatus;
  number: string | null;
  signedOn: string | null;
  currentVersion: number;
  illustrative: boolean;
  fundingProgramId: string;
  fundingProgram: Ref & { donor: Ref };
  entityId: string;
  entity: Ref;
  verifierEntityId: string | null;
  verifierEntity: Ref | null;
  startsOn: string;
  endsOn: string;
  maxAmount: string;
  notes: string | null;
  budgetProgramIds: string[];
  budgetPrograms: Ref[];
  prioritizedProductIds: string[];
  prioritizedProducts: Array<Ref & { budgetProgramId: string }>;
  analysts: Array<{ id: string; name: string; email: string }>;
  rules: { fixedTrancheRule: FixedTrancheRule; allowCarryOver: boolean; correctionDays: number };
  scope: { ubigeos: string[]; quintiles: number[] };
  /** departments of the entity and of the scope */
  departments: Array<{ ubigeo: string; name: string }>;
  periods: PeriodView[];
  processes: ProcessView[];
  indicators: IndicatorView[];
  createdAt: string;
  updatedAt: string;
}

/**
 * What a version keeps (agreement_versions.snapshot): the agreement's text with every id, without
 * what moves on its own afterwards (status, signature, analysts, tranche statuses, timestamps).
 */
export type AgreementSnapshot = Omit<
  AgreementView,
  'status' | 'number' | 'signedOn' | 'currentVersion' | 'illustrative' | 'analysts' | 'departments' | 'periods' | 'createdAt' | 'updatedAt'
> & { periods: Array<Omit<PeriodView, 'tranches'> & { tranches: Array<Omit<TrancheView, 'status'>> }> };

export function snapshotOf(v: AgreementView): AgreementSnapshot {
  const {
    status: _status, number: _number, signedOn: _signedOn, currentVersion: _version, illustrative: _illustrative, analysts: _analysts,
    departments: _departments, createdAt: _createdAt, updatedAt: _updatedAt, periods, ...text
  } = v;
  return {
    ...text,
    periods: periods.map((p) => ({ ...p, tranches: p.tranches.map(({ status: _s, ...t }) => t) })),
  };
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** The document a snapshot (or the view) was made from: codes instead of ids, no nulls. */
export function documentOf(s: AgreementSnapshot): AgreementDocument {
  return {
    code: s.code,
    title: s.title,
    fundingProgramId: s.fundingProgramId,
    entityId: s.entityId,
    ...(s.verifierEntityId ? { verifierEntityId: s.verifierEntityId } : {}),
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    maxAmount: s.maxAmount,
    budgetProgramIds: [...s.budgetProgramIds],
    prioritizedProductIds: [...s.prioritizedProductIds],
    ...(s.notes !== null ? { notes: s.notes } : {}),
    rules: { ...s.rules },
    scope: { ubigeos: [...s.scope.ubigeos], quintiles: [...s.scope.quintiles] },
    periods: s.periods.map((p) => {
      const out: PeriodSpec = { code: p.code, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn };
      for (const t of p.tranches) {
        out[t.kind === 'FIXED' ? 'fixedTranche' : 'variableTranche'] = { amount: t.amount, plannedDate: t.plannedDate };
      }
      return out;
    }),
    processes: s.processes.map((p) => strip({
      code: p.code, name: p.name, weight: opt(p.weight), share: opt(p.share),
      subprocesses: p.subprocesses.map((sp) => strip({
        code: sp.code, name: sp.name, weight: opt(sp.weight),
        criteria: sp.criteria.map((c) => strip({
          code: c.code, name: c.name, kind: c.kind, unit: opt(c.unit), weight: opt(c.weight), verificationMeans: opt(c.verificationMeans),
          levels: c.levels.map((l) => ({ period: l.period, value: l.value })),
        })),
      })),
    })),
    indicators: s.indicators.map((x) => strip({
      code: x.code, name: x.name, kind: x.kind, unit: x.unit, direction: x.direction,
      baseline: strip({ value: x.baseline.value, year: x.baseline.year, source: opt(x.baseline.source) }),
      source: x.source, territorialLevel: x.territorialLevel, weight: x.weight, scoring: structuredClone(x.scoring),
      datasheet: x.datasheet ? { ...x.datasheet } : undefined,
      targets: x.targets.map((t) => strip({ period: t.period, ubigeo: opt(t.ubigeo), value: t.value })),
    })),
  };
}

/** Drops undefined keys, so a document read back has the keys a client would have sent. */
function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
