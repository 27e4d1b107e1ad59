import { ApiProperty } from '@nestjs/swagger';
import { TRANCHE_KINDS } from '../agreements/agreement-document.js';
import { TRANCHE_STATUSES } from './tranche-state.js';

// Response shapes for the OpenAPI document; the engine's results are described, not mirrored.

export class ObservationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) trancheId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'the criterion observed (fixed tranche)' }) criterionId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'the indicator observed (variable tranche)' }) indicatorId!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date', description: 'last day to correct' }) deadline!: string;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, description: 'the entity’s answer' }) answer!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) answeredBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) answeredAt!: string | null;
}

export class TranchePeriodDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'P1' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() ordinal!: number;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
}

export class TrancheAgreementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'IN_FORCE' }) status!: string;
  @ApiProperty({ format: 'uuid' }) entityId!: string;
  @ApiProperty() entityName!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) verifierEntityId!: string | null;
  @ApiProperty({ nullable: true }) verifierEntityName!: string | null;
  @ApiProperty() currentVersion!: number;
  @ApiProperty({ example: 'PER_PROCESS' }) fixedTrancheRule!: string;
  @ApiProperty() correctionDays!: number;
}

export class TransferDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) trancheId!: string;
  @ApiProperty({ enum: ['REQUESTED', 'EXECUTED'] }) status!: string;
  @ApiProperty({ example: '2500000.00' }) requestedAmount!: string;
  @ApiProperty({ format: 'uuid' }) requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ nullable: true, description: 'the legal instrument of the transfer' }) instrument!: string | null;
  @ApiProperty({ format: 'date', nullable: true }) executedOn!: string | null;
  @ApiProperty({ nullable: true, example: '2500000.00' }) amount!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) recordedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) recordedAt!: string | null;
}

/** GET /tranches/:id and the answer of every workflow move. */
export class TrancheViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: TRANCHE_KINDS }) kind!: string;
  @ApiProperty({ enum: TRANCHE_STATUSES }) status!: string;
  @ApiProperty({ example: '2500000.00' }) amount!: string;
  @ApiProperty({ format: 'date' }) plannedDate!: string;
  @ApiProperty({ format: 'date', nullable: true, description: 'set when observations are issued: the last day to correct' })
  correctionDeadline!: string | null;
  @ApiProperty() rowVersion!: number;
  @ApiProperty({ type: TranchePeriodDto }) period!: TranchePeriodDto;
  @ApiProperty({ type: TrancheAgreementDto }) agreement!: TrancheAgreementDto;
  @ApiProperty({
    type: 'object', nullable: true, additionalProperties: true,
    description: 'the figures frozen at verification, null before: `{ version, inputHash, amount, by, at, conclusions, recommendations, result }`',
  })
  verification!: unknown;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: '`{ by, at, amount }` once approved' }) approval!: unknown;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: '`{ amount, reason }` once cancelled' })
  cancellation!: unknown;
  @ApiProperty({ type: TransferDto, nullable: true }) transfer!: TransferDto | null;
  @ApiProperty({ type: [ObservationDto] }) observations!: ObservationDto[];
  @ApiProperty({
    type: 'object', nullable: true, additionalProperties: true,
    description: 'live computation, as GET /tranches/:id/compliance; null when the agreement’s data cannot be computed',
  })
  compliance!: unknown;
  @ApiProperty({ type: 'array', items: { type: 'object' }, required: false, description: 'why compliance is null: `[{ field, problem }]`' })
  complianceProblems?: unknown[];
}

export class TransitionActorDto {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null for a scheduled job' }) id!: string | null;
  @ApiProperty() label!: string;
}

export class TrancheTransitionDto {
  @ApiProperty({ example: '17' }) id!: string;
  @ApiProperty({ enum: TRANCHE_STATUSES, nullable: true }) from!: string | null;
  @ApiProperty({ enum: TRANCHE_STATUSES }) to!: string;
  @ApiProperty({ type: TransitionActorDto }) by!: TransitionActorDto;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true }) reason!: string | null;
}

export class AcceptedValueDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) criterionId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) indicatorId!: string | null;
  @ApiProperty({ nullable: true, example: '050101', description: 'district, for indicators measured by district' }) ubigeo!: string | null;
  @ApiProperty({ example: '72.5' }) value!: string;
  @ApiProperty({ nullable: true }) source!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, description: 'set once a newer value replaced it' }) supersededAt!: string | null;
}

export class AcceptedValueListDto {
  @ApiProperty({ type: [AcceptedValueDto] }) items!: AcceptedValueDto[];
}

export class NeutralisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'uuid' }) decidedBy!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

/** One line of GET /tranches: enough to pick the tranche to work on. */
export class TrancheSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: TRANCHE_KINDS }) kind!: string;
  @ApiProperty({ enum: TRANCHE_STATUSES }) status!: string;
  @ApiProperty({ example: '2500000.00' }) amount!: string;
  @ApiProperty({ format: 'date' }) plannedDate!: string;
  @ApiProperty({ format: 'date', nullable: true, description: 'while OBSERVED: the last day to correct' }) correctionDeadline!: string | null;
  @ApiProperty({ description: '{ id, code, name } of the period', type: 'object', additionalProperties: true }) period!: object;
  @ApiProperty({ description: '{ id, code, title, entity: { id, code, name } } of the agreement', type: 'object', additionalProperties: true }) agreement!: object;
}
