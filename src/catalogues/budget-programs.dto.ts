import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { NameField } from './catalogue-fields.js';

export class BudgetProductDto {
  @ApiProperty({ example: '3033254', description: 'MEF product code, 7 digits, unique within the programme' })
  @Matches(/^\d{7}$/, { message: 'code must be a 7-digit product code' }) code!: string;
  @NameField('Niños con vacuna completa según edad') name!: string;
}

export class CreateBudgetProgramDto {
  @ApiProperty({ example: '0001', description: 'PP code, 4 digits' })
  @Matches(/^\d{4}$/, { message: 'code must be a 4-digit budget programme code such as 0001' }) code!: string;
  @NameField('Programa Articulado Nutricional') name!: string;
  @ApiPropertyOptional({ type: [BudgetProductDto], description: 'its products (productos), which agreements may prioritise' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => BudgetProductDto)
  products?: BudgetProductDto[];
}
