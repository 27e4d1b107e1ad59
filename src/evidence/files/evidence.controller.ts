import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { ApiAuthenticated, ApiError, ApiErrors } from '../../common/api-errors.js';
import { ApiPage } from '../../common/pagination.js';
import { UuidPipe } from '../../common/uuid.pipe.js';
import { ACCEPTED_KINDS } from '../storage/media-type.js';
import { EvidenceListQuery } from './evidence.dto.js';
import { EvidenceDto } from './evidence.responses.js';
import { EvidenceService } from './evidence.service.js';

@ApiTags('evidence')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post('tranches/:id/evidence')
  @Roles('ENTITY')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: `${ACCEPTED_KINDS}, found from the bytes; at most EVIDENCE_MAX_BYTES` },
        criterionId: { type: 'string', format: 'uuid', description: 'the criterion it backs (fixed tranche)' },
        indicatorId: { type: 'string', format: 'uuid', description: 'the indicator it backs (variable tranche)' },
      },
    },
  })
  @ApiOperation({ summary: 'Upload evidence (ENTITY, while OPEN or OBSERVED): a new version each time, never overwritten; 413 too large, 415 type refused' })
  @ApiCreatedResponse({ type: EvidenceDto, description: 'The new version’s metadata' })
  @ApiErrors(400, 403, 404, 409, 413, 415)
  upload(@Param('id', UuidPipe) id: string, @Req() req: Request, @CurrentUser() me: AuthUser) {
    return this.evidence.upload(me, id, req);
  }

  @Get('tranches/:id/evidence')
  @ApiOperation({ summary: 'The evidence uploaded for the tranche, every version' })
  @ApiPage(EvidenceDto)
  @ApiErrors(400, 404)
  list(@Param('id', UuidPipe) id: string, @Query() q: EvidenceListQuery, @CurrentUser() me: AuthUser) {
    return this.evidence.list(me, id, q);
  }

  @Get('evidence/:id')
  @ApiOperation({ summary: 'Evidence metadata: file name, media type found from the bytes, size, SHA-256, version, uploader, time' })
  @ApiOkResponse({ type: EvidenceDto })
  @ApiErrors(400, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    return this.evidence.get(me, id);
  }

  @Get('evidence/:id/content')
  @ApiOperation({ summary: 'The bytes, sent only after their SHA-256 is checked again against the one recorded at upload' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: `The file as uploaded, under the evidence’s own Content-Type (its \`mediaType\`: ${ACCEPTED_KINDS}) and its file name`,
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(400, 404)
  @ApiError(500, 'The stored bytes no longer match their SHA-256: not served, and the incident logged')
  content(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser, @Res() res: Response) {
    return this.evidence.send(me, id, res);
  }
}
