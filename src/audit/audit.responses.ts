import { ApiProperty } from '@nestjs/swagger';

/** One link of an audit hash chain (one chain per agreement, one for the rest). */
export class AuditEntryDto {
  @ApiProperty({ example: '1042', description: 'bigint, as text' }) id!: string;
  @ApiProperty({ description: 'the agreement id, or `global` for entries outside agreements' }) chain!: string;
  @ApiProperty({ description: 'position in its chain, from 1' }) seq!: number;
  @ApiProperty({ format: 'uuid', nullable: true }) agreementId!: string | null;
  @ApiProperty({ example: 'Tranche' }) subjectType!: string;
  @ApiProperty({ nullable: true }) subjectId!: string | null;
  @ApiProperty({ example: 'tranche.verified' }) action!: string;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null for the system (scheduled jobs)' }) actorId!: string | null;
  @ApiProperty({ example: 'ANALYST:analista@demo.tramos.pe' }) actorLabel!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'the subject before the action' }) before!: unknown;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'the subject after the action' }) after!: unknown;
  @ApiProperty({ nullable: true, description: 'SHA-256 of the previous link; null on the first' }) prevHash!: string | null;
  @ApiProperty({ description: 'SHA-256 of this entry chained to prevHash' }) hash!: string;
}

export class ChainBreakDto {
  @ApiProperty() chain!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'row content does not match its hash (altered)' }) reason!: string;
}

export class AuditVerificationDto {
  @ApiProperty({ description: 'entries recomputed' }) checked!: number;
  @ApiProperty({ description: 'true when no chain is broken' }) ok!: boolean;
  @ApiProperty({ type: [ChainBreakDto], description: 'the first broken link of each broken chain' }) breaks!: ChainBreakDto[];
}
