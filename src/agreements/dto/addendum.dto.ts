import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { TRANCHE_KINDS, type TrancheKind } from '../agreement-document.js';
import { AMOUNT, AMOUNT_MESSAGE, IsDay, UBIGEO, UBIGEO_MESSAGE, VALUE, VALUE_MESSAGE } from './formats.js';

export class TrancheChangeDto {
  @ApiProperty({ example: 'P2', description: 'period code' }) @IsString() @Length(1, 40) period!: string;
  @ApiProperty({ enum: TRANCHE_KINDS }) @IsIn(TRANCHE_KINDS) kind!: TrancheKind;
  @ApiPropertyOptional({ example: '1500000.00' }) @IsOptional() @Matches(AMOUNT, { message: AMOUNT_MESSAGE }) amount?: string;
  @ApiPropertyOptional({ example: '2012-09-30' }) @IsOptional() @IsDay() plannedDate?: string;
}

export class LevelChangeDto {
  @ApiProperty({ example: 'C2', description: 'criterion code' }) @IsString() @Length(1, 40) criterion!: string;
  @ApiProperty({ example: 'P2', description: 'period code' }) @IsString() @Length(1, 40) period!: string;
  @ApiProperty({ example: '75' }) @IsString() @Length(1, 40) value!: string;
}

export class TargetChangeDto {
  @ApiProperty({ example: 'IND-1', description: 'indicator code' }) @IsString() @Length(1, 40) indicator!: string;
  @ApiProperty({ example: 'P2', description: 'period code' }) @IsString() @Length(1, 40) period!: string;
  @ApiPropertyOptional({ example: '050114' }) @IsOptional() @Matches(UBIGEO, { message: UBIGEO_MESSAGE }) ubigeo?: string;
  @ApiProperty({ example: '68' }) @Matches(VALUE, { message: VALUE_MESSAGE }) value!: string;
}

export class ScopeChangeDto {
  @ApiPropertyOptional({ type: [String], example: ['090000'], description: 'UBIGEOs added to the scope' })
  @IsOptional() @IsArray() @ArrayMaxSize(2000) @Matches(UBIGEO, { each: true, message: UBIGEO_MESSAGE }) addUbigeos?: string[];
}

export class AgreementChangesDto {
  @ApiPropertyOptional({ type: [TrancheChangeDto], description: 'amounts / planned dates of tranches still SCHEDULED or OPEN' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => TrancheChangeDto) tranches?: TrancheChangeDto[];
  @ApiPropertyOptional({ type: [LevelChangeDto], description: 'required level of a criterion in a period (set or replaced)' })
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => LevelChangeDto) levels?: LevelChangeDto[];
  @ApiPropertyOptional({ type: [TargetChangeDto], description: 'target of an indicator in a period (and territory), set or replaced' })
  @IsOptional() @IsArray() @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => TargetChangeDto) targets?: TargetChangeDto[];
  @ApiPropertyOptional({ example: '15000000.00' }) @IsOptional() @Matches(AMOUNT, { message: AMOUNT_MESSAGE }) maxAmount?: string;
  @ApiPropertyOptional({ type: ScopeChangeDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ScopeChangeDto) scope?: ScopeChangeDto;
}

/** POST /agreements/:id/addenda: an addendum changes an agreement in force from a date on. */
export class AddendumDto {
  @ApiProperty({ example: '2014-01-01' }) @IsDay() effectiveFrom!: string;
  @ApiProperty({ example: 'Adenda N° 1: ampliación del ámbito de 6 a 15 regiones' }) @IsString() @Length(3, 2000) reason!: string;
  @ApiProperty({ type: AgreementChangesDto }) @IsObject() @ValidateNested() @Type(() => AgreementChangesDto) changes!: AgreementChangesDto;
}
