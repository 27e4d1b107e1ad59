import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max,
  MaxLength, Min, ValidateNested,
} from 'class-validator';
import {
  CRITERION_KINDS, DIRECTIONS, FIXED_TRANCHE_RULES, INDICATOR_KINDS, SCORING_TYPES, TERRITORIAL_LEVELS,
  type AgreementDocument, type CriterionKind, type Datasheet, type Direction, type FixedTrancheRule, type IndicatorKind,
  type ScoringType, type TerritorialLevel,
} from '../agreement-document.js';
import { AMOUNT, AMOUNT_MESSAGE, IsDay, RATIO, RATIO_MESSAGE, UBIGEO, UBIGEO_MESSAGE, VALUE, VALUE_MESSAGE } from './formats.js';

// The shape of the document (types, formats, unknown fields → 400). Rules across fields are in
// ../validation (→ 422).

export class TrancheSpecDto {
  @ApiProperty({ example: '1250000.00' }) @Matches(AMOUNT, { message: AMOUNT_MESSAGE }) amount!: string;
  @ApiProperty({ example: '2011-06-30' }) @IsDay() plannedDate!: string;
}

export class PeriodSpecDto {
  @ApiProperty({ example: 'P1', description: 'referenced by levels and targets' }) @IsString() @Length(1, 40) code!: string;
  @ApiProperty({ example: 'Año 1 (2010-2011)' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: '2010-07-01' }) @IsDay() startsOn!: string;
  @ApiProperty({ example: '2011-06-30' }) @IsDay() endsOn!: string;
  @ApiPropertyOptional({ type: TrancheSpecDto, description: 'tramo fijo: paid on the management commitments' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => TrancheSpecDto) fixedTranche?: TrancheSpecDto;
  @ApiPropertyOptional({ type: TrancheSpecDto, description: 'tramo variable: paid on the indicator goals' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => TrancheSpecDto) variableTranche?: TrancheSpecDto;
}

export class LevelSpecDto {
  @ApiProperty({ example: 'P1', description: 'period code' }) @IsString() @Length(1, 40) period!: string;
  @ApiProperty({ example: '80', description: '"true" for a BOOLEAN criterion, a number otherwise' }) @IsString() @Length(1, 40) value!: string;
}

export class CriterionSpecDto {
  @ApiProperty({ example: 'C1.1.1' }) @IsString() @Length(1, 40) code!: string;
  @ApiProperty({ example: 'Plan operativo institucional aprobado con metas físicas del PP' }) @IsString() @Length(1, 500) name!: string;
  @ApiProperty({ enum: CRITERION_KINDS }) @IsIn(CRITERION_KINDS) kind!: CriterionKind;
  @ApiPropertyOptional({ example: '%' }) @IsOptional() @IsString() @MaxLength(40) unit?: string;
  @ApiPropertyOptional({ example: '0.5', description: 'default: equal weights' }) @IsOptional() @Matches(RATIO, { message: RATIO_MESSAGE }) weight?: string;
  @ApiPropertyOptional({ example: 'Resolución ejecutiva regional de aprobación' }) @IsOptional() @IsString() @MaxLength(1000) verificationMeans?: string;
  @ApiProperty({ type: [LevelSpecDto], description: 'required level per period' })
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => LevelSpecDto) levels!: LevelSpecDto[];
}

export class SubprocessSpecDto {
  @ApiProperty({ example: '1.1' }) @IsString() @Length(1, 40) code!: string;
  @ApiProperty({ example: 'Programación de metas físicas y financieras' }) @IsString() @Length(1, 500) name!: string;
  @ApiPropertyOptional({ example: '0.5' }) @IsOptional() @Matches(RATIO, { message: RATIO_MESSAGE }) weight?: string;
  @ApiProperty({ type: [CriterionSpecDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CriterionSpecDto) criteria!: CriterionSpecDto[];
}

export class ProcessSpecDto {
  @ApiProperty({ example: '1' }) @IsString() @Length(1, 40) code!: string;
  @ApiProperty({ example: 'Programación operativa' }) @IsString() @Length(1, 500) name!: string;
  @ApiPropertyOptional({ example: '0.25', description: 'weight in the commitments compliance level; default equal' })
  @IsOptional() @Matches(RATIO, { message: RATIO_MESSAGE }) weight?: string;
  @ApiPropertyOptional({ example: '0.25', description: 'PER_PROCESS only: share of the fixed tranche; all or none, adding up to 1' })
  @IsOptional() @Matches(RATIO, { message: RATIO_MESSAGE }) share?: string;
  @ApiProperty({ type: [SubprocessSpecDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SubprocessSpecDto) subprocesses!: SubprocessSpecDto[];
}

export class RulesDto {
  @ApiProperty({ enum: FIXED_TRANCHE_RULES, description: 'ALL_OR_NOTHING (directive 002-2014-EF/50.01 art. 17) or PER_PROCESS' })
  @IsIn(FIXED_TRANCHE_RULES) fixedTrancheRule!: FixedTrancheRule;
  @ApiProperty({ description: 'unpaid variable amounts move to the same indicator in the next period' }) @IsBoolean() allowCarryOver!: boolean;
  @ApiProperty({ example: 15, description: 'plazo de subsanación (days)' }) @IsInt() @Min(1) @Max(365) correctionDays!: number;
}

export class ScopeDto {
  @ApiProperty({ type: [String], example: ['050114', '050112'], description: 'UBIGEO codes (department, province or district)' })
  @IsArray() @ArrayMaxSize(2000) @Matches(UBIGEO, { each: true, message: UBIGEO_MESSAGE }) ubigeos!: string[];
  @ApiProperty({ type: [Number], example: [1], description: 'poverty quintiles prioritised (1 = poorest)' })
  @IsArray() @ArrayMaxSize(5) @IsInt({ each: true }) @Min(1, { each: true }) @Max(5, { each: true }) quintiles!: number[];
}

export class BaselineDto {
  @ApiProperty({ example: '45.2' }) @Matches(VALUE, { message: VALUE_MESSAGE }) value!: string;
  @ApiProperty({ example: 2009 }) @IsInt() @Min(1900) @Max(2100) year!: number;
  @ApiPropertyOptional({ example: 'ENDES 2009' }) @IsOptional() @IsString() @MaxLength(200) source?: string;
}

export class ScoringStepDto {
  @ApiProperty({ example: '0.75', description: 'progress from which this score applies' }) @Matches(RATIO, { message: RATIO_MESSAGE }) minProgress!: string;
  @ApiProperty({ example: '0.5' }) @Matches(RATIO, { message: RATIO_MESSAGE }) score!: string;
}

export class ScoringDto {
  @ApiProperty({ enum: SCORING_TYPES }) @IsIn(SCORING_TYPES) type!: ScoringType;
  @ApiPropertyOptional({ example: '0.5', description: 'PROPORTIONAL only: progress below it scores 0' })
  @IsOptional() @Matches(RATIO, { message: RATIO_MESSAGE }) floor?: string;
  @ApiPropertyOptional({ type: [ScoringStepDto], description: 'STEPS only: the highest step reached gives the score' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ScoringStepDto) steps?: ScoringStepDto[];
}

export class DatasheetDto implements Datasheet {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) definition?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) purpose?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) numerator?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) denominator?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) formula?: string;
  @ApiPropertyOptional({ example: 'Anual' }) @IsOptional() @IsString() @MaxLength(4000) periodicity?: string;
  @ApiPropertyOptional({ example: 'Departamento, provincia, distrito' }) @IsOptional() @IsString() @MaxLength(4000) disaggregation?: string;
  @ApiPropertyOptional({ example: 'Eficacia' }) @IsOptional() @IsString() @MaxLength(4000) performanceDimension?: string;
  @ApiPropertyOptional({ example: 'HIS-MINSA' }) @IsOptional() @IsString() @MaxLength(4000) dataSource?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) assumptions?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) alertThresholds?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) responsibleUnits?: string;
}

export class TargetSpecDto {
  @ApiProperty({ example: 'P1', description: 'period code' }) @IsString() @Length(1, 40) period!: string;
  @ApiPropertyOptional({ example: '050114', description: 'territory of a disaggregated target' })
  @IsOptional() @Matches(UBIGEO, { message: UBIGEO_MESSAGE }) ubigeo?: string;
  @ApiProperty({ example: '72.5' }) @Matches(VALUE, { message: VALUE_MESSAGE }) value!: string;
}

export class IndicatorSpecDto {
  @ApiProperty({ example: 'IND-1' }) @IsString() @Length(1, 40) code!: string;
  @ApiProperty({ example: 'Niños menores de 36 meses con vacuna completa según edad' }) @IsString() @Length(1, 1000) name!: string;
  @ApiProperty({ enum: INDICATOR_KINDS }) @IsIn(INDICATOR_KINDS) kind!: IndicatorKind;
  @ApiProperty({ example: '%' }) @IsString() @Length(1, 40) unit!: string;
  @ApiProperty({ enum: DIRECTIONS }) @IsIn(DIRECTIONS) direction!: Direction;
  @ApiProperty({ type: BaselineDto }) @IsObject() @ValidateNested() @Type(() => BaselineDto) baseline!: BaselineDto;
  @ApiProperty({ example: 'HIS' }) @IsString() @Length(1, 200) source!: string;
  @ApiProperty({ enum: TERRITORIAL_LEVELS }) @IsIn(TERRITORIAL_LEVELS) territorialLevel!: TerritorialLevel;
  @ApiProperty({ example: '0.25', description: 'share of the variable tranche; the weights add up to 1' })
  @Matches(RATIO, { message: RATIO_MESSAGE }) weight!: string;
  @ApiProperty({ type: ScoringDto }) @IsObject() @ValidateNested() @Type(() => ScoringDto) scoring!: ScoringDto;
  @ApiPropertyOptional({ type: DatasheetDto, description: 'ficha técnica' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => DatasheetDto) datasheet?: DatasheetDto;
  @ApiProperty({ type: [TargetSpecDto], description: 'target per period, optionally per territory' })
  @IsArray() @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => TargetSpecDto) targets!: TargetSpecDto[];
}

/** POST /agreements and PATCH /agreements/:id: the whole agreement in one document. */
export class AgreementDocumentDto implements AgreementDocument {
  @ApiProperty({ example: 'CAP-2010-EUROPAN-AYA' }) @IsString() @Length(1, 60) @Matches(/^\S+$/, { message: '$property must have no spaces' }) code!: string;
  @ApiProperty({ example: 'Convenio de Apoyo Presupuestario al Programa Articulado Nutricional – Ayacucho' }) @IsString() @Length(3, 500) title!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() fundingProgramId!: string;
  @ApiProperty({ format: 'uuid', description: 'the entity that receives the money and reports' }) @IsUUID() entityId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'a third entity that verifies (e.g. SIS)' }) @IsOptional() @IsUUID() verifierEntityId?: string;
  @ApiProperty({ example: '2010-07-01' }) @IsDay() startsOn!: string;
  @ApiProperty({ example: '2013-06-30' }) @IsDay() endsOn!: string;
  @ApiProperty({ example: '12000000.00', description: 'monto total máximo (S/)' }) @Matches(AMOUNT, { message: AMOUNT_MESSAGE }) maxAmount!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) @IsArray() @ArrayMaxSize(20) @IsUUID(undefined, { each: true }) budgetProgramIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) @IsArray() @ArrayMaxSize(100) @IsUUID(undefined, { each: true }) prioritizedProductIds!: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'DGPP analysts assigned; the creating analyst always is' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID(undefined, { each: true }) analystIds?: string[];
  @ApiProperty({ type: RulesDto }) @IsObject() @ValidateNested() @Type(() => RulesDto) rules!: RulesDto;
  @ApiProperty({ type: ScopeDto }) @IsObject() @ValidateNested() @Type(() => ScopeDto) scope!: ScopeDto;
  @ApiProperty({ type: [PeriodSpecDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => PeriodSpecDto) periods!: PeriodSpecDto[];
  @ApiProperty({ type: [ProcessSpecDto], description: 'compromisos de gestión: process → subprocess → criterion' })
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ProcessSpecDto) processes!: ProcessSpecDto[];
  @ApiProperty({ type: [IndicatorSpecDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => IndicatorSpecDto) indicators!: IndicatorSpecDto[];
}
