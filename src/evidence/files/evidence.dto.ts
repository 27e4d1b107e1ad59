import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/pagination.js';

export class EvidenceListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only the evidence of this criterion' })
  @IsOptional() @IsUUID() criterionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only the evidence of this indicator' })
  @IsOptional() @IsUUID() indicatorId?: string;
}
