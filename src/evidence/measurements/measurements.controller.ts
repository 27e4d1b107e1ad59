import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../../common/api-errors.js';
import { ApiPage } from '../../common/pagination.js';
import { UuidPipe } from '../../common/uuid.pipe.js';
import { sendXlsx, XLSX_MEDIA_TYPE } from '../../common/xlsx-response.js';
import { itemPath } from './measurement-rules.js';
import { MeasurementListQuery, ReportMeasurementsDto } from './measurements.dto.js';
import { MeasurementDto, MeasurementReportDto } from './measurements.responses.js';
import { MeasurementsService } from './measurements.service.js';
import { ValuesTemplateService } from './values-template.service.js';

@ApiTags('measurements')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('tranches/:id/measurements')
export class MeasurementsController {
  constructor(
    private readonly measurements: MeasurementsService,
    private readonly template: ValuesTemplateService,
  ) {}

  @Put()
  @Roles('ENTITY')
  @ApiOperation({ summary: 'Report values of the tranche (ENTITY, while OPEN or OBSERVED): all stored or none; replaced values stay in the history' })
  @ApiOkResponse({ type: MeasurementReportDto })
  @ApiErrors(400, 403, 404, 409)
  report(@Param('id', UuidPipe) id: string, @Body() dto: ReportMeasurementsDto, @CurrentUser() me: AuthUser) {
    return this.measurements.report(me, id, dto.items, { at: itemPath, source: 'api' });
  }

  @Get()
  @ApiOperation({ summary: 'The values reported for the tranche (current ones; ?history=true for all)' })
  @ApiPage(MeasurementDto)
  @ApiErrors(400, 404)
  list(@Param('id', UuidPipe) id: string, @Query() q: MeasurementListQuery, @CurrentUser() me: AuthUser) {
    return this.measurements.list(me, id, q);
  }

  @Get('template.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: 'Excel template to report the values in bulk: one row per criterion, or per indicator and district, with the current values' })
  @ApiOkResponse({ description: 'The values template of the tranche', content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404)
  async downloadTemplate(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser, @Res() res: Response) {
    const { fileName, buffer } = await this.template.build(me, id);
    sendXlsx(res, fileName, buffer);
  }

  @Post('import')
  @HttpCode(200) // the same change as PUT: values replaced, no new resource
  @Roles('ENTITY')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Report values from the filled template (ENTITY): any error (named as sheet!cell) refuses the whole file' })
  @ApiOkResponse({ type: MeasurementReportDto })
  @ApiErrors(400, 403, 404, 409, 413, 415)
  import(@Param('id', UuidPipe) id: string, @Req() req: Request, @CurrentUser() me: AuthUser) {
    return this.template.import(me, id, req);
  }
}
