import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createReadStream } from 'node:fs';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { ApiPage } from '../common/pagination.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { XLSX_MEDIA_TYPE } from '../common/xlsx-response.js';
import { CreateReportDto, ListReportsQuery, ReportQueuedDto, ReportViewDto } from './reports.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for an Excel report: a tranche verification report (the tranche VERIFIED or later) or the portfolio of what you may see',
    description: '202 with the queued report; follow it with GET /reports/:id. 400 when trancheId/filters do not fit the type or the ' +
      'tranche is of the other kind, 404 when the tranche is not yours to see, 409 when its figures are not frozen yet.',
  })
  @ApiAcceptedResponse({ type: ReportQueuedDto })
  @ApiErrors(400, 404, 409)
  request(@Body() dto: CreateReportDto, @CurrentUser() me: AuthUser): Promise<ReportQueuedDto> {
    return this.reports.request(me, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Reports you may see, newest first (optionally of one tranche, type or status)' })
  @ApiPage(ReportViewDto)
  @ApiErrors(400)
  list(@Query() q: ListReportsQuery, @CurrentUser() me: AuthUser) {
    return this.reports.list(me, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A report: status (QUEUED, RUNNING, DONE, FAILED), progress, error, input hash' })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiErrors(400, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser): Promise<ReportViewDto> {
    return this.reports.get(me, id);
  }

  @Get(':id/file')
  @ApiOperation({ summary: 'The .xlsx of a DONE report (404 before, or when not yours to see)' })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'The report workbook', content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404)
  async file(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser): Promise<StreamableFile> {
    const f = await this.reports.file(me, id);
    return new StreamableFile(createReadStream(f.path), {
      type: XLSX_MEDIA_TYPE,
      length: f.size,
      disposition: `attachment; filename="${f.fileName}"`,
    });
  }
}
