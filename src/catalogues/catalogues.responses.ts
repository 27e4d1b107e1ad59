import { ApiProperty } from '@nestjs/swagger';
import { ENTITY_KINDS, type EntityKind } from './entities.dto.js';
import { TERRITORY_LEVELS } from './territories.dto.js';

export class DonorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'UE' }) code!: string;
  @ApiProperty({ example: 'Unión Europea' }) name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class FundingProgramDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'EUROPAN' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) donorId!: string;
  @ApiProperty({ example: 'UE' }) donorCode!: string;
  @ApiProperty() donorName!: string;
  @ApiProperty({ nullable: true, description: 'financing agreement number' }) reference!: string | null;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '32200000.00', nullable: true, description: 'the donor’s contribution, in `currency`' }) totalAmount!: string | null;
  @ApiProperty({ format: 'date', nullable: true }) startsOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true }) endsOn!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class EntityDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GORE-AYA' }) code!: string;
  @ApiProperty({ example: 'Gobierno Regional de Ayacucho' }) name!: string;
  @ApiProperty({ enum: ENTITY_KINDS }) kind!: EntityKind;
  @ApiProperty({ example: '050000', nullable: true }) ubigeo!: string | null;
  @ApiProperty({ nullable: true, description: 'name of the territory of `ubigeo`' }) territoryName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class BudgetProductDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '3000001' }) code!: string;
  @ApiProperty() name!: string;
}

export class BudgetProgramDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '0001' }) code!: string;
  @ApiProperty({ example: 'Programa Articulado Nutricional' }) name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [BudgetProductDto], description: 'ordered by code' }) products!: BudgetProductDto[];
}

export class TerritoryDto {
  @ApiProperty({ example: '050101' }) ubigeo!: string;
  @ApiProperty({ enum: TERRITORY_LEVELS }) level!: string;
  @ApiProperty({ example: 'Ayacucho' }) name!: string;
  @ApiProperty({ nullable: true }) departmentName!: string | null;
  @ApiProperty({ nullable: true }) provinceName!: string | null;
  @ApiProperty({ nullable: true, example: '050100' }) parentUbigeo!: string | null;
  @ApiProperty({ nullable: true, example: '38.1234', description: 'percent, 4 decimals' }) povertyRate!: string | null;
  @ApiProperty({ nullable: true, example: '9.8765', description: 'percent, 4 decimals' }) extremePovertyRate!: string | null;
  @ApiProperty({ nullable: true, minimum: 1, maximum: 5, description: 'districts: national poverty quintile, 1 = poorest fifth' })
  quintile!: number | null;
}
