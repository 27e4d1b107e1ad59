import { Module } from '@nestjs/common';
import { CataloguesController } from './catalogues.controller.js';
import { CataloguesService } from './catalogues.service.js';
import { TerritoriesController } from './territories.controller.js';

@Module({ controllers: [TerritoriesController, CataloguesController], providers: [CataloguesService] })
export class CataloguesModule {}
