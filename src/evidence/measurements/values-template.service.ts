import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { findVisibleTranche } from '../../auth/scope.js';
import { BadInputError } from '../../common/errors.js';
import { AppConfig } from '../../config/app-config.js';
import { assertReportingOpen } from '../reporting-window.js';
import { EVIDENCE_STORE, type EvidenceStore } from '../storage/evidence-store.js';
import { withUploadedWorkbook } from '../storage/uploaded-workbook.js';
import { MeasurementsService, type ReportResult } from './measurements.service.js';
import { loadReportingFrame } from './reporting-frame.js';
import { buildValuesWorkbook, parseValuesWorkbook, type TemplateRow, VALUES_SHEET } from './values-template.js';

/** The Excel way to report values: download the tranche's template, fill it, send it back whole. */
@Injectable()
export class ValuesTemplateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly config: AppConfig,
    private readonly measurements: MeasurementsService,
  ) {}

  async build(user: AuthUser, trancheId: string): Promise<{ fileName: string; buffer: Buffer }> {
    const tx = this.db.manager;
    const tranche = await findVisibleTranche(tx, user, trancheId);
    const [info] = await tx.query(
      `SELECT a.code AS agreement_code, a.title, p.code AS period_code, p.name AS period_name
       FROM agreements a JOIN periods p ON p.id = $2 WHERE a.id = $1`,
      [tranche.agreement_id, tranche.period_id],
    );
    const frame = await loadReportingFrame(tx, tranche);
    const current = new Map((await this.measurements.current(tx, tranche.id)).map((m) => [`${m.criterionId ?? m.indicatorId}|${m.ubigeo ?? ''}`, m]));
    const rows: TemplateRow[] = [];
    if (frame.trancheKind === 'FIXED') {
      for (const c of frame.criteria.values()) {
        if (c.level === null) continue;
        rows.push({ kind: 'criterion', id: c.id, code: c.code, name: c.name, ubigeo: null, district: null, unit: c.unit,
          boolean: c.kind === 'BOOLEAN', goal: c.level, current: current.get(`${c.id}|`) ?? null });
      }
    } else {
      const ubigeos = [...frame.indicators.values()].flatMap((i) => [...i.targets.keys()].filter(Boolean));
      const names = new Map<string, string>(
        (await tx.query('SELECT ubigeo, name FROM territories WHERE ubigeo = ANY ($1::text[])', [ubigeos])).map((t: any) => [t.ubigeo, t.name]),
      );
      for (const i of frame.indicators.values()) {
        for (const [ubigeo, target] of i.targets) {
          rows.push({ kind: 'indicator', id: i.id, code: i.code, name: i.name, ubigeo: ubigeo || null, district: names.get(ubigeo) ?? null,
            unit: i.unit, boolean: false, goal: target, current: current.get(`${i.id}|${ubigeo}`) ?? null });
        }
      }
    }
    const kind = frame.trancheKind === 'FIXED' ? 'tramo fijo' : 'tramo variable';
    const buffer = await buildValuesWorkbook(`${info.agreement_code} · ${info.title} · ${info.period_name} · ${kind}`, rows);
    const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
    return { fileName: `valores-${safe(info.agreement_code)}-${safe(info.period_code)}-${tranche.kind.toLowerCase()}.xlsx`, buffer };
  }

  async import(user: AuthUser, trancheId: string, req: IncomingMessage): Promise<ReportResult> {
    // Refuse before reading the body when the tranche is not the caller's or is locked.
    assertReportingOpen(await findVisibleTranche(this.db.manager, user, trancheId), 'its values');
    return withUploadedWorkbook(req, this.store, this.config.evidenceMaxBytes, async (wb) => {
      const parsed = parseValuesWorkbook(wb);
      if (!parsed.items.length && !parsed.problems.length) {
        throw new BadInputError('No values in the template', [{ field: VALUES_SHEET, problem: 'no row has a value, numerator or denominator' }]);
      }
      return this.measurements.report(user, trancheId, parsed.items, { at: parsed.at, source: 'template', earlier: parsed.problems });
    });
  }
}
