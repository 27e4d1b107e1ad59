import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageQuery } from '../common/pagination.js';

export class CatalogueQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'text in code or name' }) @IsOptional() @IsString() q?: string;
}

export class CreateDonorDto {
  @ApiProperty({ example: 'UE' }) @IsString() @Length(1, 40) code!: string;
  @ApiProperty({ example: 'Unión Europea' }) @IsString() @Length(2, 200) name!: string;
}

export class CreateFundingProgramDto {
  @ApiProperty({ example: 'EUROPAN' }) @IsString() @Length(1, 40) code!: string;
  @ApiProperty({ example: 'Programa de Apoyo Presupuestario al PAN' }) @IsString() @Length(2, 300) name!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() donorId!: string;
  @ApiPropertyOptional({ example: 'DCI-ALA/2013/023-715' }) @IsOptional() @IsString() @MaxLength(100) reference?: string;
  @ApiPropertyOptional({ example: 'EUR' }) @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' }) currency?: string;
  @ApiPropertyOptional({ example: '32200000.00' }) @IsOptional() @Matches(/^\d{1,14}(\.\d{1,2})?$/, { message: 'totalAmount must be a decimal string with at most 2 decimals' }) totalAmount?: string;
  @ApiPropertyOptional({ example: '2012-01-01' }) @IsOptional() @IsDateString() startsOn?: string;
  @ApiPropertyOptional({ example: '2016-12-31' }) @IsOptional() @IsDateString() endsOn?: string;
}

export const ENTITY_KINDS = ['REGIONAL_GOVERNMENT', 'NATIONAL_BODY', 'MINISTRY', 'LOCAL_GOVERNMENT', 'OTHER'] as const;

export class CreateEntityDto {
  @ApiProperty({ example: 'GORE-AYA' }) @IsString() @Length(1, 40) code!: string;
  @ApiProperty({ example: 'Gobierno Regional de Ayacucho' }) @IsString() @Length(2, 300) name!: string;
  @ApiProperty({ enum: ENTITY_KINDS }) @IsIn(ENTITY_KINDS) kind!: (typeof ENTITY_KINDS)[number];
  @ApiPropertyOptional({ example: '050000' }) @IsOptional() @Matches(/^\d{6}$/, { message: 'ubigeo must be a 6-digit UBIGEO' }) ubigeo?: string;
}

export class BudgetProductDto {
  @ApiProperty({ example: '3033254' }) @IsString() @Length(1, 20) code!: string;
  @ApiProperty({ example: 'Niños con vacuna completa según edad' }) @IsString() @Length(2, 300) name!: string;
}

export class CreateBudgetProgramDto {
  @ApiProperty({ example: '0001' }) @Matches(/^\d{4}$/, { message: 'code must be 4 digits (PP 0001)' }) code!: string;
  @ApiProperty({ example: 'Programa Articulado Nutricional' }) @IsString() @Length(2, 300) name!: string;
  @ApiPropertyOptional({ type: [BudgetProductDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => BudgetProductDto) products?: BudgetProductDto[];
}
