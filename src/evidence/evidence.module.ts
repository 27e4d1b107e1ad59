import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { EvidenceController } from './files/evidence.controller.js';
import { EvidenceService } from './files/evidence.service.js';
import { MeasurementsController } from './measurements/measurements.controller.js';
import { MeasurementsService } from './measurements/measurements.service.js';
import { ValuesTemplateService } from './measurements/values-template.service.js';
import { EVIDENCE_STORE } from './storage/evidence-store.js';
import { evidenceStoreFor } from './storage/evidence-store.factory.js';
import { SubmissionsController } from './submission/submissions.controller.js';
import { SubmissionsService } from './submission/submissions.service.js';

/** What the entity reports for a tranche: values, evidence files and the informe de cumplimiento. */
@Module({
  controllers: [EvidenceController, MeasurementsController, SubmissionsController],
  providers: [
    { provide: EVIDENCE_STORE, useFactory: evidenceStoreFor, inject: [AppConfig] },
    EvidenceService,
    MeasurementsService,
    ValuesTemplateService,
    SubmissionsService,
  ],
  // One store per process: an imported agreement workbook is staged where uploads are.
  exports: [EVIDENCE_STORE],
})
export class EvidenceModule {}
