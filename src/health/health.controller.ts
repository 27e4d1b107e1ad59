import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';
import { ApiErrors } from '../common/api-errors.js';
import { AppConfig } from '../config/app-config.js';
import { EVIDENCE_STORE, type EvidenceStore } from '../evidence/storage/evidence-store.js';
import { HOUSEKEEPING_QUEUE } from '../housekeeping/housekeeping.constants.js';
import { AliveDto, ReadinessDto } from './health.responses.js';

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no answer in ${ms} ms`)), ms))]);

@ApiTags('operations')
@ApiErrors(429)
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(HOUSEKEEPING_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
    @Inject(EVIDENCE_STORE) private readonly evidence: EvidenceStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Alive (no dependencies checked)' })
  @ApiOkResponse({ type: AliveDto })
  alive() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Ready: database, queue and evidence store (disk or S3 bucket) answer (503 otherwise)' })
  @ApiOkResponse({ type: ReadinessDto, description: 'Every dependency is up' })
  @ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'Some dependency is down; each says `down: <why>`' })
  async ready(@Res({ passthrough: true }) res: Response) {
    const checks: Record<string, string> = {};
    await within(this.db.query('SELECT 1'), 2000).then(() => (checks.database = 'up'), (e) => (checks.database = `down: ${e.message}`));
    await within(this.queue.getJobCounts('waiting'), 2000).then(() => (checks.queue = 'up'), (e) => (checks.queue = `down: ${e.message}`));
    await within(this.evidence.check(), 2000).then(() => (checks.evidenceStore = 'up'), (e) => (checks.evidenceStore = `down: ${e.message}`));
    const ok = Object.values(checks).every((v) => v === 'up');
    if (!ok) res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ready' : 'not ready', queueBackend: this.config.queueBackend, role: this.config.appRole, ...checks };
  }
}
