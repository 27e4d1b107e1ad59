import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { workersFor } from '../queue/queue.module.js';
import { EventDispatcher } from './event-dispatcher.service.js';
import { EVENTS_QUEUE } from './events.constants.js';
import { EventsProcessor } from './events.processor.js';
import { WebhookDeliverer } from './webhook-deliverer.service.js';
import { WebhookRetryPolicy } from './webhook-retry-policy.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** Outbox dispatch and signed webhook deliveries. Events are written with `writeOutbox` (outbox.ts). */
@Module({})
export class EventsModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: EventsModule,
      imports: [BullModule.registerQueue({ name: EVENTS_QUEUE })],
      controllers: [WebhooksController],
      providers: [WebhooksService, WebhookRetryPolicy, EventDispatcher, WebhookDeliverer, ...workersFor(config, [EventsProcessor])],
      exports: [WebhookRetryPolicy],
    };
  }
}
