import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { BadInputError } from '../common/errors.js';
import { ApiPage } from '../common/pagination.js';
import { TerritoryDto } from './catalogues.responses.js';
import { TerritoryQuery } from './territories.dto.js';
import { TerritoriesService } from './territories.service.js';

@ApiTags('catalogues')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('territories')
export class TerritoriesController {
  constructor(private readonly territories: TerritoriesService) {}

  @Get()
  @ApiOperation({ summary: 'INEI UBIGEO territories with poverty rates (%) and the national poverty quintile of districts' })
  @ApiPage(TerritoryDto)
  @ApiErrors(400)
  list(@Query() q: TerritoryQuery) {
    return this.territories.list(q);
  }

  @Get(':ubigeo')
  @ApiOperation({ summary: 'One territory by its INEI UBIGEO' })
  @ApiOkResponse({ type: TerritoryDto })
  @ApiErrors(400, 404)
  get(@Param('ubigeo') ubigeo: string) {
    if (!/^\d{6}$/.test(ubigeo)) throw new BadInputError('ubigeo must be 6 digits', [{ field: 'ubigeo', problem: 'must be a 6-digit UBIGEO' }]);
    return this.territories.get(ubigeo);
  }
}
