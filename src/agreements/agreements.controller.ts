import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { BadInputError } from '../common/errors.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { AddendaService } from './addenda.service.js';
import { AgreementsService } from './agreements.service.js';
import { AddendumDto } from './dto/addendum.dto.js';
import { AgreementDocumentDto } from './dto/agreement-document.dto.js';
import { AgreementListQuery } from './dto/agreement-list.query.js';
import { SignAgreementDto } from './dto/sign-agreement.dto.js';

const versionNumber = new ParseIntPipe({
  exceptionFactory: () => new BadInputError('n must be a version number', [{ field: 'n', problem: 'must be a version number (1, 2, …)' }]),
});

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly addenda: AddendaService,
  ) {}

  @Post()
  @Roles('ANALYST', 'ADMIN')
  @ApiOperation({ summary: 'Draft an agreement from one whole document; every problem is listed at once (400 shape, 422 rules)' })
  draft(@Body() doc: AgreementDocumentDto, @CurrentUser() me: AuthUser) {
    return this.agreements.draft(doc, me);
  }

  @Get()
  @ApiOperation({ summary: 'Agreements the caller may see, filtered and paginated (summaries)' })
  list(@Query() q: AgreementListQuery, @CurrentUser() me: AuthUser) {
    return this.agreements.list(q, me);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The whole agreement: header, rules, scope, periods with tranches, commitments, indicators' })
  get(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    return this.agreements.get(id, me);
  }

  @Patch(':id')
  @Roles('ANALYST', 'ADMIN')
  @ApiOperation({ summary: 'Replace the definition of a DRAFT agreement with a whole new document (409 once signed)' })
  update(@Param('id', UuidPipe) id: string, @Body() doc: AgreementDocumentDto, @CurrentUser() me: AuthUser) {
    return this.agreements.update(id, doc, me);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Roles('ANALYST', 'ADMIN')
  @ApiOperation({ summary: 'Record the signature: the agreement is IN_FORCE and changes only by addendum from then on' })
  sign(@Param('id', UuidPipe) id: string, @Body() dto: SignAgreementDto, @CurrentUser() me: AuthUser) {
    return this.agreements.sign(id, dto, me);
  }

  @Post(':id/addenda')
  @Roles('ANALYST', 'ADMIN')
  @ApiOperation({ summary: 'Sign an addendum: tranche amounts, levels, targets, maximum or scope change from a date on (new version)' })
  amend(@Param('id', UuidPipe) id: string, @Body() dto: AddendumDto, @CurrentUser() me: AuthUser) {
    return this.addenda.amend(id, dto, me);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'The versions of the agreement: initial text and one per addendum' })
  versions(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    return this.agreements.versions(id, me);
  }

  @Get(':id/versions/:n')
  @ApiOperation({ summary: 'One version with its snapshot, exactly as it was' })
  version(@Param('id', UuidPipe) id: string, @Param('n', versionNumber) n: number, @CurrentUser() me: AuthUser) {
    return this.agreements.version(id, n, me);
  }

  @Get(':id/tranches')
  @ApiOperation({ summary: 'The tranches of the agreement with period, kind, amount, planned date and status' })
  tranches(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    return this.agreements.tranches(id, me);
  }
}
