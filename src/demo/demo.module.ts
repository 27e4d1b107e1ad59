import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { REPORTS_QUEUE } from '../reports/reports.constants.js';
import { TrancheComplianceModule } from '../tranches/compliance/tranche-compliance.module.js';
import { DemoService } from './demo.service.js';

/** The demo: its verified tranches are computed by the compliance service and their reports queued. */
@Module({ imports: [TrancheComplianceModule, BullModule.registerQueue({ name: REPORTS_QUEUE })], providers: [DemoService], exports: [DemoService] })
export class DemoModule {}
