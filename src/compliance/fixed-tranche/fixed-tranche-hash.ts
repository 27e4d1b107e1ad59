import type { CriterionInput } from '../criteria/criterion.types.js';
import { canonical as c } from '../input-hash.js';
import type { FixedTrancheInput } from './fixed-tranche.types.js';
import type { ReadFixedTranche } from './read-fixed-tranche.js';

/**
 * The input hash of a fixed tranche: equal to `hashInputs(input)` whenever the input holds
 * only the fields of FixedTrancheInput (anything else a caller passes along is not read,
 * so it is not hashed). Members are written in key order; lists come in code order.
 */
export function hashFixedTranche(input: FixedTrancheInput, tranche: ReadFixedTranche): string {
  const processes = tranche.processes.map(({ input: process, subprocesses }) => {
    const subprocessJson = subprocesses.map(
      ({ input: subprocess, criteria }) =>
        `{"code":${c.value(subprocess.code)}` +
        `,"criteria":[${criteria.map((criterion) => criterionJson(criterion.input)).join(',')}]` +
        `,"name":${c.value(subprocess.name)}` +
        `${c.member('weight', subprocess.weight, c.decimal)}}`,
    );
    return (
      `{"code":${c.value(process.code)},"name":${c.value(process.name)}` +
      `${c.member('share', process.share, c.decimal)}` +
      `,"subprocesses":[${subprocessJson.join(',')}]` +
      `${c.member('weight', process.weight, c.decimal)}}`
    );
  });
  const context = input.context === undefined ? '' : `"context":${c.verbatim(input.context)},`;
  return c.hash(
    `{${context}"processes":[${processes.join(',')}],"rule":${c.value(input.rule)},` +
      `"trancheAmount":${c.decimal(input.trancheAmount)}}`,
  );
}

function criterionJson(criterion: CriterionInput): string {
  return (
    `{"acceptedValue":${c.decimal(criterion.acceptedValue)},"code":${c.value(criterion.code)}` +
    `,"id":${c.value(criterion.id)},"kind":${c.value(criterion.kind)},"name":${c.value(criterion.name)}` +
    `,"requiredLevel":${c.decimal(criterion.requiredLevel)}` +
    `${c.member('unit', criterion.unit, c.value)}${c.member('weight', criterion.weight, c.decimal)}}`
  );
}
