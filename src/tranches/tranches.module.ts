import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';

@Module({})
export class TranchesModule {
  static register(_config: AppConfig): DynamicModule {
    return { module: TranchesModule };
  }
}
