import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module.js';
import { AddendaService } from './addenda.service.js';
import { AgreementsController } from './agreements.controller.js';
import { AgreementsService } from './agreements.service.js';
import { AgreementWorkbookService } from './workbook/agreement-workbook.service.js';

@Module({
  imports: [EvidenceModule],
  controllers: [AgreementsController],
  providers: [AgreementsService, AddendaService, AgreementWorkbookService],
  exports: [AgreementsService],
})
export class AgreementsModule {}
