import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { EVIDENCE_STORE } from '../evidence/storage/evidence-store.js';
import { LocalEvidenceStore } from '../evidence/storage/local-evidence-store.js';
import { AddendaService } from './addenda.service.js';
import { AgreementsController } from './agreements.controller.js';
import { AgreementsService } from './agreements.service.js';
import { AgreementWorkbookService } from './workbook/agreement-workbook.service.js';

@Module({
  controllers: [AgreementsController],
  providers: [
    AgreementsService,
    AddendaService,
    AgreementWorkbookService,
    // An imported workbook is staged where evidence uploads are, then discarded.
    { provide: EVIDENCE_STORE, useFactory: (config: AppConfig) => new LocalEvidenceStore(config.dataDir), inject: [AppConfig] },
  ],
  exports: [AgreementsService],
})
export class AgreementsModule {}
