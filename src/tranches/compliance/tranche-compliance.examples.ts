/** Examples for the OpenAPI document: real engine output for a variable tranche of S/ 1,000,000.00. */
const variableResult = {
  status: 'COMPUTED',
  trancheAmount: '1000000.00',
  carriedIn: '0.00',
  amount: '800000.00',
  carriedOver: '0.00',
  released: '200000.00',
  allowCarryOver: false,
  isLastPeriod: false,
  lines: [
    {
      indicatorId: '0b6f7e51-2c1d-4c3e-9a57-1f0e0d3c2b11', code: 'IND-01', name: 'Niñas y niños con vacunas completas', unit: '%',
      direction: 'INCREASE', status: 'COMPUTED', baseline: '60', target: '80', achieved: '82', progress: '1.0000', score: '1.0000',
      weight: '0.6', effectiveWeight: '0.6000', carriedIn: '0.00', allocated: '600000.00', amount: '600000.00', unpaid: '0.00',
      carriedOver: '0.00', released: '0.00', neutralised: false,
      explanation: 'base 60 %, meta 80 %, logrado 82 %, avance 1.00 → puntaje 1 (meta alcanzada); S/ 600,000.00 × 1 = S/ 600,000.00',
    },
    {
      indicatorId: '5d0c9a42-7b3e-4f61-8e2a-6c4b3a291f22', code: 'IND-02', name: 'Gestantes con 4 controles prenatales', unit: '%',
      direction: 'INCREASE', status: 'COMPUTED', baseline: '50', target: '70', achieved: '60', progress: '0.5000', score: '0.5000',
      weight: '0.4', effectiveWeight: '0.4000', carriedIn: '0.00', allocated: '400000.00', amount: '200000.00', unpaid: '200000.00',
      carriedOver: '0.00', released: '200000.00', neutralised: false,
      explanation: 'base 50 %, meta 70 %, logrado 60 %, avance 0.50 → puntaje 0.5 (proporcional al avance); S/ 400,000.00 × 0.5 = S/ 200,000.00; se libera S/ 200,000.00',
    },
  ],
  pendingIndicators: [],
  explanation: 'Se paga S/ 800,000.00 de S/ 1,000,000.00; se libera S/ 200,000.00.',
  inputHash: 'aae2b686a346ae5d8cd11dd7b1a3bc36a33156b5ef5cd01e1c3ea07107790569',
};

const computation = {
  trancheId: '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  agreementId: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
  kind: 'VARIABLE',
  agreementVersion: 1,
  basis: 'ACCEPTED',
  amount: '800000.00',
  result: variableResult,
  inputHash: variableResult.inputHash,
  computedAt: '2026-03-02T15:04:05.000Z',
};

export const LIVE_COMPLIANCE_EXAMPLE = {
  ...computation,
  live: true,
  frozen: {
    agreementVersion: 1,
    inputHash: variableResult.inputHash,
    amount: '800000.00',
    result: variableResult,
    verifiedAt: '2026-02-27T21:10:00.000Z',
    verifiedBy: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  },
};

export const SIMULATION_EXAMPLE = { ...computation, basis: 'REPORTED', simulated: true };
