import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { EventsModule } from '../events/events.module.js';
import { workersFor } from '../queue/queue.module.js';
import { TransfersModule } from '../transfers/transfers.module.js';
import { Clock } from './clock.js';
import { TrancheComplianceModule } from './compliance/tranche-compliance.module.js';
import { DeadlineSweepService } from './deadline-sweep.service.js';
import { NeutralisationController } from './neutralisation.controller.js';
import { NeutralisationService } from './neutralisation.service.js';
import { ReviewController } from './review.controller.js';
import { ReviewService } from './review.service.js';
import { TrancheQueries } from './tranche-queries.service.js';
import { TrancheWorkflowService } from './tranche-workflow.service.js';
import { TranchesController } from './tranches.controller.js';
import { VerificationController } from './verification.controller.js';
import { VerificationService } from './verification.service.js';
import { REPORTS_QUEUE } from '../reports/reports.constants.js';
import { WORKFLOW_QUEUE } from './workflow.constants.js';
import { WorkflowProcessor } from './workflow.processor.js';

/** The verification workflow of a tranche (DOMAIN.md §5), its transfers and its events. */
@Module({})
export class TranchesModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: TranchesModule,
      imports: [
        TrancheComplianceModule,
        TransfersModule,
        EventsModule.register(config),
        BullModule.registerQueue({ name: WORKFLOW_QUEUE }, { name: REPORTS_QUEUE }),
      ],
      controllers: [TranchesController, ReviewController, VerificationController, NeutralisationController],
      providers: [
        Clock, TrancheQueries, TrancheWorkflowService, ReviewService, VerificationService, DeadlineSweepService, NeutralisationService,
        ...workersFor(config, [WorkflowProcessor]),
      ],
      exports: [Clock, TrancheWorkflowService, DeadlineSweepService],
    };
  }
}
