import { Module } from '@nestjs/common';
import { TrancheComplianceController } from './tranche-compliance.controller.js';
import { TrancheComplianceService } from './tranche-compliance.service.js';

/** Connects the pure compliance engine to the agreement's data; the workflow uses the service. */
@Module({
  controllers: [TrancheComplianceController],
  providers: [TrancheComplianceService],
  exports: [TrancheComplianceService],
})
export class TrancheComplianceModule {}
