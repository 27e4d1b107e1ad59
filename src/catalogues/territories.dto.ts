import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../common/pagination.js';

export const TERRITORY_LEVELS = ['DEPARTMENT', 'PROVINCE', 'DISTRICT'] as const;

export class TerritoryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TERRITORY_LEVELS }) @IsOptional() @IsIn(TERRITORY_LEVELS) level?: (typeof TERRITORY_LEVELS)[number];
  @ApiPropertyOptional({ example: '050100', description: 'UBIGEO of the parent: a department (its provinces) or a province (its districts)' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'parent must be a 6-digit UBIGEO' }) parent?: string;
  @ApiPropertyOptional({ example: 'huamanga', description: 'text in the name (accents and case ignored), or the start of the UBIGEO' })
  @IsOptional() @IsString() q?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'national poverty quintile of districts, 1 = poorest fifth' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5) quintile?: number;
}
