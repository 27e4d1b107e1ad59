import { canonical as c } from '../input-hash.js';
import type { ReadIndicator } from './read-variable-tranche.js';
import type { VariableTrancheInput } from './variable-tranche.types.js';

/**
 * The input hash of a variable tranche: equal to `hashInputs(input)` whenever the input
 * holds only the fields of VariableTrancheInput (anything else a caller passes along is
 * not read, so it is not hashed). Members in key order; indicators in code order, steps
 * from the highest down, as canonicalJson puts them. Values already checked on reading
 * are not checked again: this runs on every evaluation and must stay a small part of it.
 */
export function hashVariableTranche(
  input: VariableTrancheInput,
  indicators: readonly ReadIndicator[],
): string {
  // One string and one update: each update call converts and copies on its own, which
  // cost more than the hashing itself for a tranche of short indicator members.
  let json =
    `{"allowCarryOver":${input.allowCarryOver}` +
    `${c.member('context', input.context, c.verbatim)},"indicators":[`;
  for (let i = 0; i < indicators.length; i++)
    json += i === 0 ? indicatorJson(indicators[i]!) : `,${indicatorJson(indicators[i]!)}`;
  json +=
    `],"isLastPeriod":${input.isLastPeriod}` +
    `,"trancheAmount":${c.checkedDecimal(input.trancheAmount)}}`;
  return c.hash(json);
}

function indicatorJson({ input, scoring }: ReadIndicator): string {
  const given = input.scoring as { type: string; floor?: unknown };
  let rule = given.floor === undefined ? '{' : `{"floor":${c.decimal(given.floor)},`;
  if (scoring.type === 'STEPS') {
    rule += '"steps":[';
    scoring.steps.forEach(({ source }, s) => {
      rule += `${s === 0 ? '' : ','}{"minProgress":${c.checkedDecimal(source.minProgress)},"score":${c.checkedDecimal(source.score)}}`;
    });
    rule += '],';
  }
  const achieved = input.achieved === null ? 'null' : c.checkedDecimal(input.achieved);
  return (
    `{"achieved":${achieved},"baseline":${c.checkedDecimal(input.baseline)}` +
    `${c.member('carriedIn', input.carriedIn, c.decimal)}` +
    `,"code":${c.value(input.code)},"direction":"${input.direction}"` +
    `,"id":${c.value(input.id)},"name":${c.value(input.name)}` +
    `${c.member('neutralisationReason', input.neutralisationReason, c.value)}` +
    `${c.member('neutralised', input.neutralised, c.value)}` +
    `,"scoring":${rule}"type":"${given.type}"}` +
    `,"target":${c.checkedDecimal(input.target)}${c.member('unit', input.unit, c.value)}` +
    `,"weight":${c.checkedDecimal(input.weight)}}`
  );
}
