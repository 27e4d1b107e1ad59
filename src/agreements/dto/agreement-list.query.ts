import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../agreement-view.js';

export class AgreementListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES }) @IsOptional() @IsIn(AGREEMENT_STATUSES) status?: AgreementStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() entityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() fundingProgramId?: string;
  @ApiPropertyOptional({ example: '050000', description: "department UBIGEO: the entity's or a scope territory lies in it" })
  @IsOptional() @Matches(/^\d{2}0000$/, { message: '$property must be a department UBIGEO (e.g. 050000)' }) region?: string;
  @ApiPropertyOptional({ example: 2012, description: 'in force at some point of that year' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1900) @Max(2100) year?: number;
  @ApiPropertyOptional({ description: 'text in code or title' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}
