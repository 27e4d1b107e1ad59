import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CatalogueQuery, CodeField, NameField } from './catalogue-fields.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateFundingProgramDto {
  @ApiProperty({ format: 'uuid', description: 'the donor behind the programme' }) @IsUUID() donorId!: string;
  @CodeField('ENLCD') code!: string;
  @NameField('Apoyo Presupuestario a la Estrategia Nacional de Lucha contra las Drogas') name!: string;
  @ApiPropertyOptional({ example: 'DCI-ALA/2013/023-715', description: 'financing agreement number' })
  @IsOptional() @IsString() @MaxLength(100) reference?: string;
  @ApiPropertyOptional({ example: 'EUR', default: 'EUR', description: 'ISO 4217 currency of the donor’s contribution' })
  @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' }) currency?: string;
  @ApiPropertyOptional({ example: '32200000.00', description: 'the donor’s contribution, in `currency`' })
  @IsOptional() @Matches(/^\d{1,14}(\.\d{1,2})?$/, { message: 'totalAmount must be a decimal string with at most 2 decimals' }) totalAmount?: string;
  @ApiPropertyOptional({ example: '2012-01-01', format: 'date' })
  @IsOptional() @Matches(DATE, { message: 'startsOn must be YYYY-MM-DD' }) @IsISO8601({ strict: true }) startsOn?: string;
  @ApiPropertyOptional({ example: '2016-12-31', format: 'date', description: 'after startsOn' })
  @IsOptional() @Matches(DATE, { message: 'endsOn must be YYYY-MM-DD' }) @IsISO8601({ strict: true }) endsOn?: string;
}

export class FundingProgramQuery extends CatalogueQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() donorId?: string;
}
