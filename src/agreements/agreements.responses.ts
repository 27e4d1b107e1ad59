import { ApiProperty } from '@nestjs/swagger';
import { FIXED_TRANCHE_RULES, TRANCHE_KINDS } from './agreement-document.js';
import { AGREEMENT_STATUSES } from './agreement-view.js';
import { TRANCHE_STATUSES } from '../tranches/tranche-state.js';

// Response shapes for the OpenAPI document. The deep parts of an agreement (commitments,
// indicators, snapshots) are described in words rather than mirrored field by field.

export class RefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'EUROPAN' }) code!: string;
  @ApiProperty() name!: string;
}

export class FundingProgramRefDto extends RefDto {
  @ApiProperty({ type: RefDto }) donor!: RefDto;
}

export class DepartmentDto {
  @ApiProperty({ example: '050000' }) ubigeo!: string;
  @ApiProperty({ example: 'Ayacucho' }) name!: string;
}

export class AgreementRulesDto {
  @ApiProperty({ enum: FIXED_TRANCHE_RULES }) fixedTrancheRule!: string;
  @ApiProperty() allowCarryOver!: boolean;
  @ApiProperty({ description: 'calendar days the entity has to correct after observations' }) correctionDays!: number;
}

export class AgreementScopeDto {
  @ApiProperty({ type: [String], example: ['050101'] }) ubigeos!: string[];
  @ApiProperty({ type: [Number], example: [1, 2] }) quintiles!: number[];
}

/** Agreements as listed: the header, without the definition. */
export class AgreementSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CAP-EUROPAN-AYA-2024' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES }) status!: string;
  @ApiProperty({ type: RefDto }) entity!: RefDto;
  @ApiProperty({ type: RefDto }) fundingProgram!: RefDto;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ example: '12000000.00' }) maxAmount!: string;
  @ApiProperty() currentVersion!: number;
  @ApiProperty({ type: [DepartmentDto], description: 'departments of the entity and of the scope' }) departments!: DepartmentDto[];
}

/** GET /agreements/:id — the agreement as it stands now, every row with its id. */
export class AgreementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CAP-EUROPAN-AYA-2024' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, description: 'the signed convenio’s number' }) number!: string | null;
  @ApiProperty({ format: 'date', nullable: true }) signedOn!: string | null;
  @ApiProperty({ description: '1, then one more per addendum' }) currentVersion!: number;
  @ApiProperty({ description: 'true for demo agreements with illustrative figures' }) illustrative!: boolean;
  @ApiProperty({ format: 'uuid' }) fundingProgramId!: string;
  @ApiProperty({ type: FundingProgramRefDto }) fundingProgram!: FundingProgramRefDto;
  @ApiProperty({ format: 'uuid' }) entityId!: string;
  @ApiProperty({ type: RefDto }) entity!: RefDto;
  @ApiProperty({ format: 'uuid', nullable: true }) verifierEntityId!: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) verifierEntity!: RefDto | null;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ example: '12000000.00' }) maxAmount!: string;
  @ApiProperty({ nullable: true }) notes!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) budgetProgramIds!: string[];
  @ApiProperty({ type: [RefDto] }) budgetPrograms!: RefDto[];
  @ApiProperty({ type: [String], format: 'uuid' }) prioritizedProductIds!: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'each a reference with its budgetProgramId' })
  prioritizedProducts!: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'assigned analysts: `{ id, name, email }`' }) analysts!: unknown[];
  @ApiProperty({ type: AgreementRulesDto }) rules!: AgreementRulesDto;
  @ApiProperty({ type: AgreementScopeDto }) scope!: AgreementScopeDto;
  @ApiProperty({ type: [DepartmentDto], description: 'departments of the entity and of the scope' }) departments!: DepartmentDto[];
  @ApiProperty({
    type: 'array', items: { type: 'object' },
    description: 'periods in order: `{ id, code, name, ordinal, startsOn, endsOn, tranches: [{ id, kind, amount, plannedDate, status }] }`',
  })
  periods!: unknown[];
  @ApiProperty({
    type: 'array', items: { type: 'object' },
    description: 'fixed-tranche commitments: processes → subprocesses → criteria, each criterion with its level per period',
  })
  processes!: unknown[];
  @ApiProperty({
    type: 'array', items: { type: 'object' },
    description: 'variable-tranche indicators with baseline, scoring, datasheet and targets per period (and district)',
  })
  indicators!: unknown[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class VersionAuthorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AgreementVersionDto {
  @ApiProperty({ description: '1 is the initial text' }) version!: number;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ nullable: true, description: 'the addendum’s reason' }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: VersionAuthorDto, nullable: true }) createdBy!: VersionAuthorDto | null;
}

export class AgreementVersionSnapshotDto extends AgreementVersionDto {
  @ApiProperty({
    type: 'object', additionalProperties: true,
    description: 'the agreement’s text as it was in this version, every id kept (as GET /agreements/:id without status, signature, analysts and timestamps)',
  })
  snapshot!: unknown;
}

export class AgreementTrancheDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: RefDto }) period!: RefDto;
  @ApiProperty({ enum: TRANCHE_KINDS }) kind!: string;
  @ApiProperty({ example: '3000000.00' }) amount!: string;
  @ApiProperty({ format: 'date' }) plannedDate!: string;
  @ApiProperty({ enum: TRANCHE_STATUSES }) status!: string;
}
