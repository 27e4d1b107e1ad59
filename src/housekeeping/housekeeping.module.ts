import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { workersFor } from '../queue/queue.module.js';
import { HOUSEKEEPING_QUEUE } from './housekeeping.constants.js';
import { HousekeepingProcessor } from './housekeeping.processor.js';

@Module({})
export class HousekeepingModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: HousekeepingModule,
      imports: [BullModule.registerQueue({ name: HOUSEKEEPING_QUEUE })],
      providers: workersFor(config, [HousekeepingProcessor]),
      exports: [BullModule],
    };
  }
}
