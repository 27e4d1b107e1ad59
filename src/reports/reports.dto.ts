import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { REPORT_LANGS, REPORT_STATUSES, REPORT_TYPES } from './reports.constants.js';

export class PortfolioFiltersDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only agreements of this funding programme' })
  @IsOptional() @IsUUID()
  fundingProgramId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only agreements of this entity' })
  @IsOptional() @IsUUID()
  entityId?: string;

  @ApiPropertyOptional({ example: 2026, description: 'only tranches planned in this year' })
  @IsOptional() @IsInt() @Min(2000) @Max(2100)
  year?: number;
}

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_TYPES })
  @IsIn(REPORT_TYPES)
  type!: (typeof REPORT_TYPES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'required for FIXED_VERIFICATION and VARIABLE_VERIFICATION: a tranche VERIFIED or later' })
  @IsOptional() @IsUUID()
  trancheId?: string;

  @ApiPropertyOptional({ type: PortfolioFiltersDto, description: 'PORTFOLIO only' })
  @IsOptional() @ValidateNested() @Type(() => PortfolioFiltersDto)
  filters?: PortfolioFiltersDto;

  @ApiPropertyOptional({ enum: REPORT_LANGS, default: 'es', description: 'language of everything a person reads in the workbook' })
  @IsOptional() @IsIn(REPORT_LANGS)
  lang?: (typeof REPORT_LANGS)[number];
}

export class ListReportsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  trancheId?: string;

  @ApiPropertyOptional({ enum: REPORT_TYPES })
  @IsOptional() @IsIn(REPORT_TYPES)
  type?: (typeof REPORT_TYPES)[number];

  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional() @IsIn(REPORT_STATUSES)
  status?: (typeof REPORT_STATUSES)[number];
}

export class ReportQueuedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['QUEUED'] }) status!: 'QUEUED';
}

export class ReportViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_TYPES }) type!: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ enum: REPORT_LANGS }) lang!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) trancheId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) agreementId!: string | null;
  @ApiProperty({ type: PortfolioFiltersDto, nullable: true }) filters!: PortfolioFiltersDto | null;
  @ApiProperty({ format: 'uuid', nullable: true }) requestedBy!: string | null;
  @ApiProperty({ nullable: true, description: 'why the last attempt failed (kept while retrying)' }) error!: string | null;
  @ApiProperty({ nullable: true, description: "verification: the engine's input hash of the frozen figures; portfolio: SHA-256 of the data" })
  inputHash!: string | null;
  @ApiProperty({ nullable: true, description: 'bytes of the .xlsx once DONE' }) fileSize!: number | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time', nullable: true }) finishedAt!: Date | null;
}
