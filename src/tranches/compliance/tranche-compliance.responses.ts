import { ApiProperty } from '@nestjs/swagger';
import { TRANCHE_KINDS } from '../../agreements/agreement-document.js';

/** The engine's computation of one tranche; `result` is the engine's own, described rather than mirrored. */
class TrancheComputationDto {
  @ApiProperty({ format: 'uuid' }) trancheId!: string;
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ enum: TRANCHE_KINDS }) kind!: string;
  @ApiProperty({ description: 'the agreement’s version at computation time' }) agreementVersion!: number;
  @ApiProperty({ enum: ['ACCEPTED', 'REPORTED'], description: 'REPORTED while no accepted value exists yet: the figures are then only indicative' })
  basis!: string;
  @ApiProperty({ example: '1875000.00', description: 'what would pay now' }) amount!: string;
  @ApiProperty({
    type: 'object', additionalProperties: true,
    description: 'the engine’s result, every line: processes and criteria (fixed tranche) or indicators with their scores (variable tranche)',
  })
  result!: unknown;
  @ApiProperty({ description: 'SHA-256 of the engine’s input' }) inputHash!: string;
  @ApiProperty({ format: 'date-time' }) computedAt!: string;
}

export class LiveComplianceDto extends TrancheComputationDto {
  @ApiProperty({ enum: [true] }) live!: true;
  @ApiProperty({
    type: 'object', nullable: true, additionalProperties: true,
    description: 'once verified, the figures frozen then (those are the ones that count): `{ agreementVersion, inputHash, amount, result, verifiedAt, verifiedBy }`',
  })
  frozen!: unknown;
}

export class SimulationDto extends TrancheComputationDto {
  @ApiProperty({ enum: [true], description: 'nothing was stored' }) simulated!: true;
}
