import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { ApiPage, PageQuery } from '../common/pagination.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CreateWebhookDto } from './webhooks.dto.js';
import { WebhookDeliveryDto, WebhookDto } from './webhooks.responses.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiAuthenticated()
@ApiErrors(403)
@Roles('ADMIN')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'Active webhooks (the secret is never returned)' })
  @ApiPage(WebhookDto)
  @ApiErrors(400)
  list(@Query() q: PageQuery) {
    return this.webhooks.list(q);
  }

  @Post()
  @ApiOperation({
    summary: 'Subscribe a URL to events',
    description: 'Each event is POSTed as `{ id, type, occurredAt, data }` with `X-Tramos-Signature: sha256=<HMAC-SHA256 of the body with the secret>`, ' +
      '`X-Tramos-Event` and `X-Tramos-Delivery`; a non-2xx answer or a network error is retried with exponential back-off; a 2xx is final.',
  })
  @ApiCreatedResponse({ type: WebhookDto })
  @ApiErrors(400)
  create(@Body() dto: CreateWebhookDto, @CurrentUser() me: AuthUser) {
    return this.webhooks.create(dto, me);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe (the delivery log is kept; pending deliveries are dropped)' })
  @ApiNoContentResponse({ description: 'Unsubscribed' })
  @ApiErrors(400, 404)
  remove(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    return this.webhooks.remove(id, me);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Deliveries of a webhook, newest event first: status, attempts, last answer' })
  @ApiPage(WebhookDeliveryDto)
  @ApiErrors(400, 404)
  deliveries(@Param('id', UuidPipe) id: string, @Query() q: PageQuery) {
    return this.webhooks.deliveries(id, q);
  }
}
