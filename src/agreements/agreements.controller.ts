import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { BadInputError } from '../common/errors.js';
import { ApiPage, PageQuery } from '../common/pagination.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { sendXlsx, XLSX_MEDIA_TYPE } from '../common/xlsx-response.js';
import { AddendaService } from './addenda.service.js';
import { AgreementDto, AgreementSummaryDto, AgreementTrancheDto, AgreementVersionDto, AgreementVersionSnapshotDto } from './agreements.responses.js';
import { AgreementsService } from './agreements.service.js';
import { AddendumDto } from './dto/addendum.dto.js';
import { AgreementDocumentDto } from './dto/agreement-document.dto.js';
import { AgreementListQuery } from './dto/agreement-list.query.js';
import { SignAgreementDto } from './dto/sign-agreement.dto.js';
import { AgreementWorkbookService } from './workbook/agreement-workbook.service.js';

const versionNumber = new ParseIntPipe({
  exceptionFactory: () => new BadInputError('n must be a version number', [{ field: 'n', problem: 'must be a version number (1, 2, …)' }]),
});

@ApiTags('agreements')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly addenda: AddendaService,
    private readonly workbook: AgreementWorkbookService,
  ) {}

  @Post()
  @Roles('ANALYST', 'ADMIN')
  @ApiOperation({ summary: 'Draft an agreement from one whole document; every problem is listed at once (400 shape, 422 rules)' })
  @ApiCreatedResponse({ type: AgreementDto, description: 'The DRAFT agreement, as GET /agreements/:id' })
  @ApiErrors(400, 403, 422)
  draft(@Body() doc: AgreementDocumentDto, @CurrentUser() me: AuthUser) {
    return this.agreements.draft(doc, me);
  }

  @Get()
  @ApiOperation({ summary: 'Agreements the caller may see, filtered and paginated (summaries)' })
  @ApiPage(AgreementSummaryDto)
  @ApiErrors(400)
  list(@Query() q: AgreementListQuery, @CurrentUser() me: AuthUser) {
    return this.agreements.list(q, me);
  }

  // Declared before ':id', which would take "template.xlsx" for an id.
  @Get('template.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: 'Excel template of an agreement: one sheet per part, instructions, lists of allowed values and catalogue codes' })
  @ApiOkResponse({ description: 'The template workbook', content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async template(@Res() res: Response) {
    sendXlsx(res, 'plantilla-convenio.xlsx', await this.workbook.template());
  }

  @Post('import')
  @Roles('ANALYST', 'ADMIN')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Draft an agreement from the filled template (as POST /agreements); any problem, named as sheet!cell, refuses the whole file' })
  @ApiCreatedResponse({ type: AgreementDto, description: 'The DRAFT agreement, as GET /agreements/:id' })
  @ApiErrors(400, 403, 413, 415, 422)
  import(@Req() req: Request, @CurrentUser() me: AuthUser) {
    return this.workbook.import(me, req);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The whole agreement: header, rules, scope, periods with tranches, commitments, indicators' })
  @ApiOkResponse({ type: AgreementDto })
  @ApiErrors(400, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    return this.agreements.get(id, me);
  }

  @Get(':id/export.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: 'The agreement in the layout of the template, ready to be imported again (under another code)' })
  @ApiOkResponse({ description: 'The agreement as a workbook', content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404)
  async export(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser, @Res() res: Response) {
    const { fileName, buffer } = await this.workbook.export(id, me);
    sendXlsx(res, fileName, buffer);
  }

  @Patch(':id')
  @Roles('ANALYST', 'ADMIN')
  @ApiOperation({ summary: 'Replace the definition of a DRAFT agreement with a whole new document (409 once signed)' })
  @ApiOkResponse({ type: AgreementDto })
  @ApiErrors(400, 403, 404, 409, 422)
  update(@Param('id', UuidPipe) id: string, @Body() doc: AgreementDocumentDto, @CurrentUser() me: AuthUser) {
    return this.agreements.update(id, doc, me);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Roles('ANALYST', 'ADMIN')
  @ApiOperation({ summary: 'Record the signature: the agreement is IN_FORCE and changes only by addendum from then on' })
  @ApiOkResponse({ type: AgreementDto })
  @ApiErrors(400, 403, 404, 409)
  sign(@Param('id', UuidPipe) id: string, @Body() dto: SignAgreementDto, @CurrentUser() me: AuthUser) {
    return this.agreements.sign(id, dto, me);
  }

  @Post(':id/addenda')
  @Roles('ANALYST', 'ADMIN')
  @ApiOperation({ summary: 'Sign an addendum: tranche amounts, levels, targets, maximum or scope change from a date on (new version)' })
  @ApiCreatedResponse({ type: AgreementDto, description: 'The agreement with the addendum applied (currentVersion one more)' })
  @ApiErrors(400, 403, 404, 409, 422)
  amend(@Param('id', UuidPipe) id: string, @Body() dto: AddendumDto, @CurrentUser() me: AuthUser) {
    return this.addenda.amend(id, dto, me);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'The versions of the agreement: initial text and one per addendum' })
  @ApiPage(AgreementVersionDto)
  @ApiErrors(400, 404)
  versions(@Param('id', UuidPipe) id: string, @Query() q: PageQuery, @CurrentUser() me: AuthUser) {
    return this.agreements.versions(id, me, q);
  }

  @Get(':id/versions/:n')
  @ApiOperation({ summary: 'One version with its snapshot, exactly as it was' })
  @ApiOkResponse({ type: AgreementVersionSnapshotDto })
  @ApiErrors(400, 404)
  version(@Param('id', UuidPipe) id: string, @Param('n', versionNumber) n: number, @CurrentUser() me: AuthUser) {
    return this.agreements.version(id, n, me);
  }

  @Get(':id/tranches')
  @ApiOperation({ summary: 'The tranches of the agreement with period, kind, amount, planned date and status' })
  @ApiPage(AgreementTrancheDto)
  @ApiErrors(400, 404)
  tranches(@Param('id', UuidPipe) id: string, @Query() q: PageQuery, @CurrentUser() me: AuthUser) {
    return this.agreements.tranches(id, me, q);
  }
}
