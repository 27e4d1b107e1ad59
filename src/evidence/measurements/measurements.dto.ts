import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination.js';

export class MeasurementItemDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'a criterion of the agreement (fixed tranche); or give indicatorId' })
  @IsOptional() @IsUUID() criterionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'an indicator of the agreement (variable tranche); or give criterionId' })
  @IsOptional() @IsUUID() indicatorId?: string;

  @ApiPropertyOptional({ example: '050101', description: 'district, only for indicators with district targets; must be inside the scope' })
  @IsOptional() @IsString() @Matches(/^\d{6}$/, { message: 'ubigeo must be a 6-digit UBIGEO' }) ubigeo?: string;

  @ApiPropertyOptional({ example: '72.5', description: '"true"/"false" for yes/no criteria, else decimal text; may be left out when numerator and denominator are given' })
  @IsOptional() @IsString() @MaxLength(40) value?: string;

  @ApiPropertyOptional({ example: '145', description: 'ratio indicators: the value is numerator/denominator (×100 for %), 4 decimals' })
  @IsOptional() @IsString() @MaxLength(40) numerator?: string;

  @ApiPropertyOptional({ example: '200' })
  @IsOptional() @IsString() @MaxLength(40) denominator?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000) note?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'evidence of this tranche backing the value' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) evidenceIds?: string[];
}

export class ReportMeasurementsDto {
  @ApiProperty({ type: [MeasurementItemDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => MeasurementItemDto)
  items!: MeasurementItemDto[];
}

export class MeasurementListQuery extends PageQuery {
  @ApiPropertyOptional({ default: false, description: 'true: every value ever reported (replaced ones carry supersededAt)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  history: boolean = false;
}
