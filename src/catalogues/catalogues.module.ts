import { Module } from '@nestjs/common';
import { TerritoriesController } from './territories.controller.js';

@Module({ controllers: [TerritoriesController] })
export class CataloguesModule {}
