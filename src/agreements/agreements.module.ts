import { Module } from '@nestjs/common';
import { AddendaService } from './addenda.service.js';
import { AgreementsController } from './agreements.controller.js';
import { AgreementsService } from './agreements.service.js';

@Module({ controllers: [AgreementsController], providers: [AgreementsService, AddendaService], exports: [AgreementsService] })
export class AgreementsModule {}
