import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { queueOptions } from './queue-connection.js';

@Module({})
export class QueueModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [BullModule.forRoot(queueOptions(config, databaseUrl))],
      exports: [BullModule],
    };
  }
}

/** Processors only where this process runs workers (APP_ROLE=all|worker). */
export const workersFor = <T>(config: AppConfig, processors: T[]): T[] => (config.runsWorkers ? processors : []);
