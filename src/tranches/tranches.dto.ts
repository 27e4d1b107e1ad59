import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { TRANCHE_KINDS } from '../agreements/agreement-document.js';
import { PageQuery } from '../common/pagination.js';
import { TRANCHE_STATUSES, type TrancheStatus } from './tranche-state.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONEY = /^\d{1,14}(\.\d{1,2})?$/;

export class CancelTrancheDto {
  @ApiProperty({ example: 'La entidad renunció al tramo mediante oficio N° 123-2026' })
  @IsString() @MinLength(3) @MaxLength(2000)
  reason!: string;
}

export class VerifyTrancheDto {
  @ApiProperty({ description: 'Conclusions of the verification report', example: 'La entidad cumplió los compromisos de gestión del periodo.' })
  @IsString() @MinLength(1) @MaxLength(20000)
  conclusions!: string;

  @ApiPropertyOptional({ example: 'Mantener el registro oportuno en el SIGA.' })
  @IsOptional() @IsString() @MaxLength(20000)
  recommendations?: string;
}

export class TransferTrancheDto {
  @ApiProperty({ description: 'Legal instrument of the transfer', example: 'D.S. N° 123-2026-EF' })
  @IsString() @MinLength(1) @MaxLength(200)
  instrument!: string;

  @ApiProperty({ format: 'date', example: '2026-11-20' })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true })
  executedOn!: string;

  @ApiProperty({ example: '1250000.00', description: 'Soles, at most the approved amount' })
  @Matches(MONEY, { message: 'must be an amount with at most 2 decimals, e.g. "1250000.00"' })
  amount!: string;
}

export class AcceptedValueItemDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'fixed tranche: the criterion' })
  @IsOptional() @IsUUID()
  criterionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'variable tranche: the indicator' })
  @IsOptional() @IsUUID()
  indicatorId?: string;

  @ApiPropertyOptional({ example: '050000', description: 'territory, for indicators with targets per territory' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'must be a 6-digit UBIGEO' })
  ubigeo?: string;

  @ApiProperty({ example: '72.5', description: '"true"/"false" for BOOLEAN criteria, else a decimal in plain notation' })
  @IsString() @MinLength(1) @MaxLength(40)
  value!: string;

  @ApiPropertyOptional({ example: 'SIS – base de afiliados, corte 2026-06-30' })
  @IsOptional() @IsString() @MaxLength(500)
  source?: string;
}

export class AcceptedValuesDto {
  @ApiProperty({ type: [AcceptedValueItemDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => AcceptedValueItemDto)
  items!: AcceptedValueItemDto[];
}

export class AcceptedValuesQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: every value ever recorded, superseded ones included' })
  @IsOptional() @IsIn(['true', 'false'])
  history?: 'true' | 'false';
}

export class ObservationItemDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  criterionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  indicatorId?: string;

  @ApiProperty({ example: 'El acta de aprobación del plan operativo no está firmada.' })
  @IsString() @MinLength(1) @MaxLength(5000)
  text!: string;
}

export class ObservationsDto {
  @ApiPropertyOptional({ format: 'date', description: "last day to correct; default today + the agreement's correction days" })
  @IsOptional() @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true })
  deadline?: string;

  @ApiProperty({ type: [ObservationItemDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ObservationItemDto)
  items!: ObservationItemDto[];
}

export class AnswerObservationDto {
  @ApiProperty({ example: 'Se adjunta el acta firmada (evidencia v2).' })
  @IsString() @MinLength(1) @MaxLength(10000)
  answer!: string;
}

export class NeutraliseIndicatorDto {
  @ApiProperty({ format: 'uuid', description: 'the period whose variable tranche leaves the indicator out' })
  @IsUUID()
  periodId!: string;

  @ApiProperty({ example: 'INEI no publicó la ENDES 2026 (fuerza mayor).' })
  @IsString() @MinLength(3) @MaxLength(2000)
  reason!: string;
}

/** GET /tranches: the caller's tranches across agreements (an entity's inbox, an analyst's desk). */
export class TrancheListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TRANCHE_STATUSES, description: 'only tranches in this state (e.g. OPEN: waiting for the entity’s report)' })
  @IsOptional() @IsIn(TRANCHE_STATUSES)
  status?: TrancheStatus;

  @ApiPropertyOptional({ enum: TRANCHE_KINDS })
  @IsOptional() @IsIn(TRANCHE_KINDS)
  kind?: (typeof TRANCHE_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  agreementId?: string;
}

export class AcceptReportedDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'Conforme con el reporte del SIAF', description: 'why the reported values are accepted (kept with each value)' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(500)
  source?: string;
}
