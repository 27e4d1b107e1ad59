import type { ProblemDetail } from '../../common/errors.js';
import type { ReportingFrame } from '../measurements/reporting-frame.js';

/**
 * What an informe de cumplimiento must carry: a value for every criterion with a required level
 * in the period (fixed tranche); for every indicator with a target in the period, a value for
 * each of its targets — each district's where the targets are by district (variable tranche).
 * Neutralised indicators owe nothing. `reported` holds `<criterion|indicator id>|<ubigeo or ''>`.
 */
export function missingValues(frame: ReportingFrame, reported: Set<string>, districtNames: Map<string, string>): ProblemDetail[] {
  const missing: ProblemDetail[] = [];
  if (frame.trancheKind === 'FIXED') {
    for (const c of frame.criteria.values()) {
      if (c.level !== null && !reported.has(`${c.id}|`)) {
        missing.push({ field: `criteria.${c.code}`, problem: `criterion ${c.code} (${c.name}) has no value` });
      }
    }
    return missing;
  }
  for (const i of frame.indicators.values()) {
    if (i.neutralised) continue;
    for (const ubigeo of i.targets.keys()) {
      if (reported.has(`${i.id}|${ubigeo}`)) continue;
      missing.push(
        ubigeo
          ? { field: `indicators.${i.code}.${ubigeo}`, problem: `indicator ${i.code} has no value for district ${ubigeo} (${districtNames.get(ubigeo) ?? '?'})` }
          : { field: `indicators.${i.code}`, problem: `indicator ${i.code} (${i.name}) has no value` },
      );
    }
  }
  return missing;
}
