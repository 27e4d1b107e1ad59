import type { FixedTrancheResult, VariableTrancheResult } from '../../compliance/index.js';
import type { Lang } from './labels.js';

/*
 * What the workbook writers read: plain data, no database. Decimals are text exactly as stored
 * ("1250000.00"); dates `YYYY-MM-DD`; instants Date. The report services fill these from the
 * database; the benchmark fills them from memory.
 */

export type ReportType = 'FIXED_VERIFICATION' | 'VARIABLE_VERIFICATION' | 'PORTFOLIO';

export interface ReportMeta {
  reportId: string;
  type: ReportType;
  lang: Lang;
  generatedAt: Date;
  requester: { name: string; email: string; role: string };
}

export interface AgreementBackground {
  code: string;
  title: string;
  number: string | null;
  signedOn: string | null;
  startsOn: string;
  endsOn: string;
  status: string;
  entity: string;
  fundingProgram: string;
  donor: string;
  verifier: string | null;
  maxAmount: string;
  fixedTrancheRule: 'ALL_OR_NOTHING' | 'PER_PROCESS';
  allowCarryOver: boolean;
  correctionDays: number;
  currentVersion: number;
  versions: { version: number; effectiveFrom: string; reason: string; recordedAt: Date }[];
  schedule: {
    periodCode: string;
    periodName: string;
    kind: 'FIXED' | 'VARIABLE';
    amount: string;
    plannedDate: string;
    status: string;
    verifiedAmount: string | null;
    transferredAmount: string | null;
    transferredOn: string | null;
  }[];
}

/** The tranche reported on, with what verification froze on it. */
export interface VerifiedTranche {
  id: string;
  kind: 'FIXED' | 'VARIABLE';
  periodCode: string;
  periodName: string;
  amount: string;
  status: string;
  verifiedAt: Date;
  verifiedBy: string;
  verifiedVersion: number;
  inputHash: string;
  verifiedAmount: string;
  conclusions: string | null;
  recommendations: string | null;
}

export interface VerificationMeta extends ReportMeta {
  tranche: VerifiedTranche;
}

export interface ObservationRow {
  itemId: string | null;
  itemCode: string | null;
  text: string;
  deadline: string;
  issuedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
}

export interface FixedReportData {
  meta: VerificationMeta;
  background: AgreementBackground;
  /** The frozen result (tranches.verified_result), untouched. */
  result: FixedTrancheResult;
  submissions: { ordinal: number; submittedAt: Date; submittedBy: string }[];
  evidence: {
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    uploadedAt: Date;
    uploadedBy: string;
    version: number;
    backs: string | null;
  }[];
  /** Current reported value by criterion id ("true"/"false" or a decimal). */
  reported: Map<string, string>;
  observations: ObservationRow[];
}

export interface IndicatorInfo {
  code: string;
  name: string;
  kind: 'RESULT' | 'OUTPUT';
  unit: string;
  direction: 'INCREASE' | 'DECREASE';
  baseline: string;
  baselineYear: number;
  source: string;
  territorialLevel: string;
  weight: string;
}

/**
 * One value of the evolution of an indicator: a target and/or achieved value of one period in
 * one territory (`ubigeo` null: the indicator as a whole). Rows come ordered by indicator, then
 * the aggregate first, then by department, territory and period: subtotals rely on it.
 */
export interface EvolutionRow {
  indicatorCode: string;
  ubigeo: string | null;
  level: 'DEPARTMENT' | 'PROVINCE' | 'DISTRICT' | null;
  departmentUbigeo: string | null;
  department: string | null;
  province: string | null;
  district: string | null;
  periodCode: string;
  target: string | null;
  achieved: string | null;
}

export interface VariableReportData {
  meta: VerificationMeta;
  background: AgreementBackground;
  result: VariableTrancheResult;
  indicators: IndicatorInfo[];
  /** Every period of the agreement, in order. */
  periods: { code: string; name: string }[];
  evolution: readonly EvolutionRow[] | AsyncIterable<EvolutionRow>;
}

/** One tranche of the portfolio with what its frozen result says about carry and what it leaves unpaid. */
export interface PortfolioTranche {
  donor: string;
  fundingProgram: string;
  agreementId: string;
  agreementCode: string;
  agreementTitle: string;
  agreementStatus: string;
  entity: string;
  /** The entity's department; null for national bodies. */
  region: string | null;
  periodCode: string;
  kind: 'FIXED' | 'VARIABLE';
  status: string;
  plannedDate: string;
  amount: string;
  verifiedAmount: string | null;
  /** From the frozen result, null until verified. */
  frozenCarriedIn: string | null;
  frozenCarriedOver: string | null;
  /** Fixed: `unpaid`; variable: `released` (what verification found will never be paid). */
  frozenNotPaid: string | null;
  transferred: string | null;
  transferredOn: string | null;
  instrument: string | null;
  cancelled: string | null;
}

export interface PortfolioReportData {
  meta: ReportMeta;
  filters: { fundingProgram?: string; entity?: string; year?: number };
  /** Ordered by donor, programme, agreement and period: one agreement's tranches together. */
  tranches: readonly PortfolioTranche[] | AsyncIterable<PortfolioTranche>;
}
