import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination.js';

/** Codes of donors, programmes and entities: what people type and read in reports (EUROPAN, GORE-AYA). */
export const CATALOGUE_CODE = /^[A-Z0-9](?:[A-Z0-9-]{0,38}[A-Z0-9])?$/;

export const CodeField = (example: string) =>
  applyDecorators(
    ApiProperty({ example, pattern: CATALOGUE_CODE.source, description: 'unique; capital letters, digits and inner hyphens, at most 40' }),
    Matches(CATALOGUE_CODE, { message: 'code must be capital letters, digits and inner hyphens (at most 40)' }),
  );

export const NameField = (example: string) =>
  applyDecorators(
    ApiProperty({ example, maxLength: 300 }),
    IsString(),
    Matches(/\S.*\S/s, { message: 'name must have at least two characters' }),
    MaxLength(300),
  );

export class CatalogueQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'text in the code or the name' }) @IsOptional() @IsString() q?: string;
}
