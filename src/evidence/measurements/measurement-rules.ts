import { Dec } from '../../common/decimal.js';
import type { ProblemDetail } from '../../common/errors.js';
import { hasDistrictTargets, type ReportingFrame } from './reporting-frame.js';

/** One value as the entity sends it (JSON body or a row of the Excel template). */
export interface ReportedItem {
  criterionId?: string;
  indicatorId?: string;
  ubigeo?: string;
  value?: string;
  numerator?: string;
  denominator?: string;
  note?: string;
  evidenceIds?: string[];
}

/** A value that passed every rule, ready to store. */
export interface CheckedMeasurement {
  criterionId: string | null;
  indicatorId: string | null;
  ubigeo: string | null;
  value: string;
  numerator: string | null;
  denominator: string | null;
  note: string | null;
  evidenceIds: string[];
}

/** Where a problem is reported: `items[2].ubigeo` for the API, `Valores!E7` for the template. */
export type Locate = (index: number, field: keyof ReportedItem | null) => string;

export const itemPath: Locate = (i, field) => (field ? `items[${i}].${field}` : `items[${i}]`);

/** Plain decimal text that fits numeric(20,6). */
const DECIMAL = /^-?\d{1,14}(\.\d{1,6})?$/;
export const isPercentUnit = (unit: string | null | undefined) => /^\s*(%|porcentaje|percent(age)?)\s*$/i.test(unit ?? '');

/**
 * Every rule of a reported value (issue "Evidence and values"): it points at a criterion
 * (fixed tranche) or an indicator (variable tranche) of this agreement that counts in this
 * period; BOOLEAN criteria take "true"/"false", the rest decimal text; percentages lie in
 * [0, 100]; a UBIGEO only for indicators with district targets and inside the scope; a ratio
 * sent as numerator and denominator gives the value (4 decimals, ×100 for %); evidence must
 * be this tranche's. All problems are listed, none stops the others.
 */
export function checkMeasurements(items: ReportedItem[], frame: ReportingFrame, at: Locate) {
  const problems: ProblemDetail[] = [];
  const measurements: CheckedMeasurement[] = [];
  const seen = new Set<string>();
  items.forEach((item, n) => {
    const before = problems.length;
    const add = (field: keyof ReportedItem | null, problem: string) => problems.push({ field: at(n, field), problem });
    const unit = checkRef(item, frame, add);
    if (unit === undefined) return;
    const ubigeo = checkTerritory(item, frame, add);
    const value = checkValue(item, unit, add);
    const evidenceIds = [...new Set(item.evidenceIds ?? [])];
    for (const id of evidenceIds) if (!frame.evidenceIds.has(id)) add('evidenceIds', `${id} is not evidence of this tranche`);
    const key = `${item.criterionId ?? item.indicatorId}|${ubigeo ?? ''}`;
    if (seen.has(key)) add(null, 'the same criterion or indicator (and district) appears twice');
    seen.add(key);
    if (problems.length > before || value === undefined) return;
    measurements.push({
      criterionId: item.criterionId ?? null,
      indicatorId: item.indicatorId ?? null,
      ubigeo,
      value: value.value,
      numerator: value.numerator,
      denominator: value.denominator,
      note: item.note?.trim() ? item.note.trim() : null,
      evidenceIds,
    });
  });
  return { measurements, problems };
}

type Add = (field: keyof ReportedItem | null, problem: string) => void;
/** `undefined`: the item points at nothing usable; otherwise what the value is measured in. */
type Unit = { kind: 'BOOLEAN' } | { kind: 'NUMBER'; percent: boolean };

function checkRef(item: ReportedItem, frame: ReportingFrame, add: Add): Unit | undefined {
  if (item.criterionId && item.indicatorId) return void add('criterionId', 'give criterionId or indicatorId, not both');
  if (item.criterionId) {
    const c = frame.criteria.get(item.criterionId);
    if (!c) return void add('criterionId', 'not a criterion of this agreement');
    if (frame.trancheKind !== 'FIXED') return void add('criterionId', 'a variable tranche takes indicator values, not criteria');
    if (c.level === null) return void add('criterionId', `criterion ${c.code} has no required level in this tranche's period`);
    return c.kind === 'BOOLEAN' ? { kind: 'BOOLEAN' } : { kind: 'NUMBER', percent: isPercentUnit(c.unit) };
  }
  if (item.indicatorId) {
    const i = frame.indicators.get(item.indicatorId);
    if (!i) return void add('indicatorId', 'not an indicator of this agreement');
    if (frame.trancheKind !== 'VARIABLE') return void add('indicatorId', 'a fixed tranche takes criterion values, not indicators');
    if (!i.targets.size) return void add('indicatorId', `indicator ${i.code} has no target in this tranche's period`);
    return { kind: 'NUMBER', percent: isPercentUnit(i.unit) };
  }
  return void add('criterionId', 'criterionId or indicatorId is required');
}

/** Criteria have no territory; an indicator with district targets takes one value per district of the scope. */
function checkTerritory(item: ReportedItem, frame: ReportingFrame, add: Add): string | null {
  const ubigeo = item.ubigeo?.trim() || null;
  if (item.criterionId) {
    if (ubigeo) add('ubigeo', 'criteria take no UBIGEO');
    return ubigeo;
  }
  const indicator = frame.indicators.get(item.indicatorId!)!;
  if (!ubigeo) {
    if (!indicator.targets.has('')) add('ubigeo', `indicator ${indicator.code} has targets by district: give the district's UBIGEO`);
    return null;
  }
  if (!hasDistrictTargets(indicator)) add('ubigeo', `indicator ${indicator.code} has no district targets: send its value without UBIGEO`);
  else if (!frame.districts.has(ubigeo)) add('ubigeo', `${ubigeo} is not a district UBIGEO`);
  else if (!frame.districts.get(ubigeo)!.inScope) add('ubigeo', `district ${ubigeo} is outside the agreement's scope`);
  return ubigeo;
}

function checkValue(item: ReportedItem, unit: Unit, add: Add) {
  const value = item.value?.trim() || undefined;
  const hasRatio = item.numerator !== undefined || item.denominator !== undefined;
  if (unit.kind === 'BOOLEAN') {
    if (hasRatio) add('numerator', 'a yes/no criterion takes no numerator or denominator');
    if (value !== 'true' && value !== 'false') return void add('value', 'must be "true" or "false"');
    return { value, numerator: null, denominator: null };
  }
  if (hasRatio) return checkRatio(item, unit.percent, value, add);
  if (value === undefined) return void add('value', 'is required (or give numerator and denominator)');
  if (!DECIMAL.test(value)) return void add('value', 'must be a decimal number as text, e.g. "72.5" (at most 6 decimals)');
  if (unit.percent && !inPercentRange(value)) return void add('value', 'is a percentage: must be between 0 and 100');
  return { value, numerator: null, denominator: null };
}

/** For ratio indicators the value is computed from numerator and denominator, exactly. */
function checkRatio(item: ReportedItem, percent: boolean, value: string | undefined, add: Add) {
  const numerator = item.numerator?.trim();
  const denominator = item.denominator?.trim();
  const numeratorOk = !!numerator && DECIMAL.test(numerator) && !numerator.startsWith('-');
  const denominatorOk = !!denominator && DECIMAL.test(denominator) && new Dec(denominator).gt(0);
  if (!numeratorOk) add('numerator', 'must be a decimal number ≥ 0 as text');
  if (!denominatorOk) add('denominator', 'must be a decimal number > 0 as text');
  if (!numeratorOk || !denominatorOk) return undefined;
  const ratio = new Dec(numerator!).div(denominator!).times(percent ? 100 : 1);
  const computed = ratio.toFixed(4);
  if (percent && ratio.gt(100)) return void add('numerator', `numerator/denominator gives ${computed} %, above 100`);
  if (value !== undefined && (!DECIMAL.test(value) || !new Dec(value).eq(computed))) {
    return void add('value', `must be left out or equal numerator/denominator${percent ? ' × 100' : ''} = ${computed}`);
  }
  return { value: computed, numerator: numerator!, denominator: denominator! };
}

const inPercentRange = (v: string) => new Dec(v).gte(0) && new Dec(v).lte(100);
