/**
 * The agreement as a document: what POST /agreements receives, what PATCH replaces and what an
 * addendum changes. Periods are named by their code inside it; decimals are strings.
 * Plain types (no Nest, no ORM) so the validation rules can be pure functions over them.
 */

export const FIXED_TRANCHE_RULES = ['ALL_OR_NOTHING', 'PER_PROCESS'] as const;
export const CRITERION_KINDS = ['BOOLEAN', 'AT_LEAST', 'AT_MOST'] as const;
export const INDICATOR_KINDS = ['RESULT', 'OUTPUT'] as const;
export const DIRECTIONS = ['INCREASE', 'DECREASE'] as const;
export const TERRITORIAL_LEVELS = ['NATIONAL', 'DEPARTMENT', 'PROVINCE', 'DISTRICT'] as const;
export const SCORING_TYPES = ['BINARY', 'PROPORTIONAL', 'STEPS'] as const;
export const TRANCHE_KINDS = ['FIXED', 'VARIABLE'] as const;
export const DATASHEET_FIELDS = [
  'definition', 'purpose', 'numerator', 'denominator', 'formula', 'periodicity', 'disaggregation',
  'performanceDimension', 'dataSource', 'assumptions', 'alertThresholds', 'responsibleUnits',
] as const;

export type FixedTrancheRule = (typeof FIXED_TRANCHE_RULES)[number];
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type TerritorialLevel = (typeof TERRITORIAL_LEVELS)[number];
export type ScoringType = (typeof SCORING_TYPES)[number];
export type TrancheKind = (typeof TRANCHE_KINDS)[number];
export type Datasheet = Partial<Record<(typeof DATASHEET_FIELDS)[number], string>>;

export interface TrancheSpec {
  amount: string;
  plannedDate: string;
}

export interface PeriodSpec {
  code: string;
  name: string;
  startsOn: string;
  endsOn: string;
  fixedTranche?: TrancheSpec;
  variableTranche?: TrancheSpec;
}

export interface LevelSpec {
  /** period code */
  period: string;
  value: string;
}

export interface CriterionSpec {
  code: string;
  name: string;
  kind: CriterionKind;
  unit?: string;
  weight?: string;
  verificationMeans?: string;
  levels: LevelSpec[];
}

export interface SubprocessSpec {
  code: string;
  name: string;
  weight?: string;
  criteria: CriterionSpec[];
}

export interface ProcessSpec {
  code: string;
  name: string;
  weight?: string;
  share?: string;
  subprocesses: SubprocessSpec[];
}

export interface ScoringStep {
  minProgress: string;
  score: string;
}

export interface Scoring {
  type: ScoringType;
  floor?: string;
  steps?: ScoringStep[];
}

export interface TargetSpec {
  /** period code */
  period: string;
  ubigeo?: string;
  value: string;
}

export interface IndicatorSpec {
  code: string;
  name: string;
  kind: IndicatorKind;
  unit: string;
  direction: Direction;
  baseline: { value: string; year: number; source?: string };
  source: string;
  territorialLevel: TerritorialLevel;
  weight: string;
  scoring: Scoring;
  datasheet?: Datasheet;
  targets: TargetSpec[];
}

export interface AgreementDocument {
  code: string;
  title: string;
  fundingProgramId: string;
  entityId: string;
  verifierEntityId?: string;
  startsOn: string;
  endsOn: string;
  maxAmount: string;
  budgetProgramIds: string[];
  prioritizedProductIds: string[];
  notes?: string;
  analystIds?: string[];
  rules: { fixedTrancheRule: FixedTrancheRule; allowCarryOver: boolean; correctionDays: number };
  scope: { ubigeos: string[]; quintiles: number[] };
  periods: PeriodSpec[];
  processes: ProcessSpec[];
  indicators: IndicatorSpec[];
}

/** Every criterion of the document with its path, in document order. */
export function criteriaOf(doc: AgreementDocument): Array<{ criterion: CriterionSpec; path: string }> {
  return doc.processes.flatMap((p, i) =>
    p.subprocesses.flatMap((s, j) =>
      s.criteria.map((criterion, k) => ({ criterion, path: `processes[${i}].subprocesses[${j}].criteria[${k}]` })),
    ),
  );
}

/** The period's tranche of one kind, if it has one. */
export const trancheOf = (p: PeriodSpec, kind: TrancheKind): TrancheSpec | undefined =>
  kind === 'FIXED' ? p.fixedTranche : p.variableTranche;
