import { ComplianceInputError } from '../compliance-input.error.js';
import type { CriterionInput } from './criterion.types.js';
import { evaluateCriterion } from './evaluate-criterion.js';

const criterion = (
  kind: CriterionInput['kind'],
  requiredLevel: CriterionInput['requiredLevel'],
  acceptedValue: CriterionInput['acceptedValue'],
  unit?: string,
): CriterionInput => ({
  id: 'c1',
  code: '1.1.1',
  name: 'POI aprobado',
  kind,
  requiredLevel,
  acceptedValue,
  ...(unit ? { unit } : {}),
});

describe('evaluateCriterion', () => {
  it.each([
    // kind, required, accepted, status, score, explanation
    ['BOOLEAN', true, true, 'MET', 1, 'requerido: sí, aceptado: sí → cumple'],
    ['BOOLEAN', true, false, 'NOT_MET', 0, 'requerido: sí, aceptado: no → no cumple'],
    ['BOOLEAN', true, null, 'PENDING', null, 'requerido: sí, sin valor aceptado → pendiente'],
    ['BOOLEAN', 'true', 'true', 'MET', 1, 'requerido: sí, aceptado: sí → cumple'],
    ['BOOLEAN', true, 'false', 'NOT_MET', 0, 'requerido: sí, aceptado: no → no cumple'],
    ['AT_LEAST', '80', '85', 'MET', 1, 'nivel requerido ≥ 80, aceptado 85 → cumple'],
    ['AT_LEAST', '80', '80.00', 'MET', 1, 'nivel requerido ≥ 80, aceptado 80 → cumple'],
    ['AT_LEAST', '80', '79.99', 'NOT_MET', 0, 'nivel requerido ≥ 80, aceptado 79.99 → no cumple'],
    [
      'AT_LEAST',
      '80',
      null,
      'PENDING',
      null,
      'nivel requerido ≥ 80, sin valor aceptado → pendiente',
    ],
    ['AT_LEAST', '-5', '-4.5', 'MET', 1, 'nivel requerido ≥ -5, aceptado -4.5 → cumple'],
    ['AT_MOST', '10', '10', 'MET', 1, 'nivel requerido ≤ 10, aceptado 10 → cumple'],
    ['AT_MOST', '10', '9.5', 'MET', 1, 'nivel requerido ≤ 10, aceptado 9.5 → cumple'],
    ['AT_MOST', '10', '10.01', 'NOT_MET', 0, 'nivel requerido ≤ 10, aceptado 10.01 → no cumple'],
    [
      'AT_MOST',
      '10',
      null,
      'PENDING',
      null,
      'nivel requerido ≤ 10, sin valor aceptado → pendiente',
    ],
    // a zero accepted value is a value, not a missing one
    ['AT_MOST', '0', '0', 'MET', 1, 'nivel requerido ≤ 0, aceptado 0 → cumple'],
    ['AT_LEAST', '1', '0', 'NOT_MET', 0, 'nivel requerido ≥ 1, aceptado 0 → no cumple'],
  ] as const)(
    '%s required %s, accepted %s → %s',
    (kind, required, accepted, status, score, explanation) => {
      expect(evaluateCriterion(criterion(kind, required, accepted))).toEqual({
        status,
        score,
        explanation,
      });
    },
  );

  it('shows the unit and reads 80.0 and 80 alike', () => {
    expect(evaluateCriterion(criterion('AT_LEAST', '80.0', '85.50', '%')).explanation).toBe(
      'nivel requerido ≥ 80 %, aceptado 85.5 % → cumple',
    );
  });

  it.each([
    [criterion('AT_LEAST', '80', 85 as unknown as string), 'criterion.acceptedValue'],
    [criterion('AT_LEAST', '8O', '85'), 'criterion.requiredLevel'],
    [criterion('AT_LEAST', '80', '1e2'), 'criterion.acceptedValue'],
    [criterion('AT_MOST', true, '1'), 'criterion.requiredLevel'],
    [criterion('BOOLEAN', false, true), 'criterion.requiredLevel'],
    [criterion('BOOLEAN', true, 'sí'), 'criterion.acceptedValue'],
    [criterion('BOOLEAN', true, '1'), 'criterion.acceptedValue'],
    [
      { ...criterion('AT_LEAST', '1', '1'), kind: 'EQUAL' as CriterionInput['kind'] },
      'criterion.kind',
    ],
  ])('refuses what it cannot read (%#)', (input, field) => {
    let error: unknown;
    try {
      evaluateCriterion(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ComplianceInputError);
    expect((error as ComplianceInputError).problems[0]!.field).toBe(field);
    expect((error as ComplianceInputError).problems[0]!.problem).toContain('criterio 1.1.1');
  });
});
