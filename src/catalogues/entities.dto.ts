import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CatalogueQuery, CodeField, NameField } from './catalogue-fields.js';

export const ENTITY_KINDS = ['REGIONAL_GOVERNMENT', 'NATIONAL_BODY', 'MINISTRY', 'LOCAL_GOVERNMENT', 'OTHER'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export class CreateEntityDto {
  @CodeField('GORE-AYA') code!: string;
  @NameField('Gobierno Regional de Ayacucho') name!: string;
  @ApiProperty({ enum: ENTITY_KINDS }) @IsIn(ENTITY_KINDS) kind!: EntityKind;
  @ApiPropertyOptional({ example: '050000', description: 'INEI UBIGEO of the territory it governs (regional and local governments)' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'ubigeo must be a 6-digit INEI UBIGEO' }) ubigeo?: string;
}

export class EntityQuery extends CatalogueQuery {
  @ApiPropertyOptional({ enum: ENTITY_KINDS }) @IsOptional() @IsIn(ENTITY_KINDS) kind?: EntityKind;
}
