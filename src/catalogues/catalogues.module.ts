import { Module } from '@nestjs/common';
import { BudgetProgramsController } from './budget-programs.controller.js';
import { BudgetProgramsService } from './budget-programs.service.js';
import { DonorsController } from './donors.controller.js';
import { DonorsService } from './donors.service.js';
import { EntitiesController } from './entities.controller.js';
import { EntitiesService } from './entities.service.js';
import { FundingProgramsController } from './funding-programs.controller.js';
import { FundingProgramsService } from './funding-programs.service.js';
import { TerritoriesController } from './territories.controller.js';
import { TerritoriesService } from './territories.service.js';

const services = [TerritoriesService, DonorsService, FundingProgramsService, EntitiesService, BudgetProgramsService];

/** Reference data: territories (loaded by a migration), donors, programmes, entities, budget programmes. */
@Module({
  controllers: [TerritoriesController, DonorsController, FundingProgramsController, EntitiesController, BudgetProgramsController],
  providers: services,
  exports: services,
})
export class CataloguesModule {}
