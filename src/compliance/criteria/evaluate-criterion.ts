import { THROW_AT_ONCE } from '../compliance-input.error.js';
import { valueWithUnit } from '../shared/spanish-text.js';
import type { CriterionEvaluation, CriterionInput } from './criterion.types.js';
import { type ReadCriterion, readCriterion } from './read-criterion.js';

/**
 * Judges one criterion on its accepted value (DOMAIN §4): BOOLEAN met when true,
 * AT_LEAST when value ≥ required, AT_MOST when value ≤ required; no value → pending.
 * Throws ComplianceInputError when the criterion cannot be read.
 */
export function evaluateCriterion(criterion: CriterionInput): CriterionEvaluation {
  // Reads and judges one criterion at a time (a million a second): the first problem
  // throws, instead of collecting a list that is nearly always empty.
  return judgeCriterion(readCriterion(criterion, 'criterion', THROW_AT_ONCE)!);
}

export function judgeCriterion(criterion: ReadCriterion): CriterionEvaluation {
  if (criterion.kind === 'BOOLEAN') {
    if (criterion.accepted === null) return pending('requerido: sí');
    return criterion.accepted
      ? { status: 'MET', score: 1, explanation: 'requerido: sí, aceptado: sí → cumple' }
      : { status: 'NOT_MET', score: 0, explanation: 'requerido: sí, aceptado: no → no cumple' };
  }

  const { required, accepted, unit } = criterion;
  const requirement = `nivel requerido ${criterion.kind === 'AT_LEAST' ? '≥' : '≤'} ${valueWithUnit(criterion.requiredText, unit)}`;
  if (accepted === null) return pending(requirement);

  const comparison = accepted.comparedTo(required);
  const met = criterion.kind === 'AT_LEAST' ? comparison >= 0 : comparison <= 0;
  const explanation = `${requirement}, aceptado ${valueWithUnit(criterion.acceptedText!, unit)} → ${met ? 'cumple' : 'no cumple'}`;
  return met
    ? { status: 'MET', score: 1, explanation }
    : { status: 'NOT_MET', score: 0, explanation };
}

function pending(requirement: string): CriterionEvaluation {
  return {
    status: 'PENDING',
    score: null,
    explanation: `${requirement}, sin valor aceptado → pendiente`,
  };
}
