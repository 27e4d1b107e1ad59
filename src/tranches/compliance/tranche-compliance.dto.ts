import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID } from 'class-validator';

const BASES = ['AUTO', 'ACCEPTED', 'REPORTED'] as const;

export class ComplianceQuery {
  @ApiPropertyOptional({
    enum: BASES,
    default: 'AUTO',
    description: 'Values to compute on: ACCEPTED (verifier), REPORTED (entity), AUTO = ACCEPTED once any accepted value exists, else REPORTED',
  })
  @IsOptional()
  @IsIn(BASES)
  basis?: (typeof BASES)[number];
}

export class SimulateDto {
  @ApiProperty({ format: 'uuid', description: 'Period of this agreement whose variable tranche is simulated' })
  @IsUUID()
  periodId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'IND-01': '72.5', 'IND-02': '61' },
    description: 'Achieved value by indicator code (decimal text); indicators not given keep their current accepted (or reported) value',
  })
  @IsObject()
  values!: Record<string, string>;

  @ApiPropertyOptional({ type: [String], example: ['IND-03'], description: 'Indicator codes to treat as neutralised in this period' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  neutralise?: string[];
}
