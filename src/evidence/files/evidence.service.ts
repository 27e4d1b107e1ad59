import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { actorOf, type AuthUser } from '../../auth/auth-user.js';
import { findVisibleTranche, refuse, visibleAgreement } from '../../auth/scope.js';
import { BadInputError, UnsupportedMediaTypeError } from '../../common/errors.js';
import { offsetOf, type Page } from '../../common/pagination.js';
import { AppConfig } from '../../config/app-config.js';
import { assertReportingOpen } from '../reporting-window.js';
import { EVIDENCE_STORE, type EvidenceStore, type StoredBlob } from '../storage/evidence-store.js';
import { attachmentDisposition } from '../storage/file-name.js';
import { ACCEPTED_KINDS, detectEvidenceType } from '../storage/media-type.js';
import { receiveUpload } from '../storage/receive-upload.js';
import { EvidenceIntegrityError } from './evidence-integrity.error.js';
import type { EvidenceListQuery } from './evidence.dto.js';
import { EVIDENCE_COLUMNS, EVIDENCE_SELECT, type EvidenceView, toEvidenceView } from './evidence-view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Evidence files: uploaded by the entity, kept content-addressed, never overwritten, served only intact. */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger('Evidence');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /**
   * Streams the upload to a temporary file (hashed, size-limited), finds its type from the bytes,
   * then — under the tranche's lock — keeps the blob once per content and records a new version
   * of the evidence of that criterion or indicator.
   */
  async upload(user: AuthUser, trancheId: string, req: IncomingMessage): Promise<EvidenceView> {
    // Refuse before reading the body when the tranche is not the caller's or is locked.
    assertReportingOpen(await findVisibleTranche(this.db.manager, user, trancheId), 'its evidence');
    const { fields, file } = await receiveUpload(req, this.store, {
      maxBytes: this.config.evidenceMaxBytes,
      fields: ['criterionId', 'indicatorId'],
    });
    try {
      const backs = whatItBacks(fields);
      const mediaType = await detectEvidenceType(file.tempPath);
      if (!mediaType) {
        throw new UnsupportedMediaTypeError(`The file is not an accepted kind of evidence (${ACCEPTED_KINDS})`, [
          { field: 'file', problem: `its content is not ${ACCEPTED_KINDS}` },
        ]);
      }
      return await this.db.transaction(async (tx) => {
        const tranche = await findVisibleTranche(tx, user, trancheId, true);
        assertReportingOpen(tranche, 'its evidence');
        await checkBacks(tx, tranche, backs);
        const [{ version }] = await tx.query(
          `SELECT coalesce(max(version), 0) + 1 AS version FROM evidence
           WHERE tranche_id = $1 AND criterion_id IS NOT DISTINCT FROM $2 AND indicator_id IS NOT DISTINCT FROM $3`,
          [tranche.id, backs.criterionId, backs.indicatorId],
        );
        const storageKey = await this.store.keep(file.tempPath, file.sha256);
        await tx.query(
          `INSERT INTO evidence_blobs (sha256, size, media_type, storage_key) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`,
          [file.sha256, file.size, mediaType, storageKey],
        );
        const [row] = await tx.query(
          `INSERT INTO evidence (agreement_id, tranche_id, criterion_id, indicator_id, version, file_name, media_type, size, sha256, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [tranche.agreement_id, tranche.id, backs.criterionId, backs.indicatorId, version, file.fileName, mediaType, file.size, file.sha256, user.id],
        );
        const view = toEvidenceView((await tx.query(`${EVIDENCE_SELECT} WHERE ev.id = $1`, [row.id]))[0]);
        await this.audit.record(tx, {
          agreementId: tranche.agreement_id, subjectType: 'Evidence', subjectId: view.id, action: 'evidence.uploaded',
          actor: actorOf(user), after: view,
        });
        return view;
      });
    } finally {
      await this.store.discard(file.tempPath); // a no-op once kept
    }
  }

  async list(user: AuthUser, trancheId: string, q: EvidenceListQuery): Promise<Page<EvidenceView>> {
    const tranche = await findVisibleTranche(this.db.manager, user, trancheId);
    const params: unknown[] = [tranche.id];
    const where = ['ev.tranche_id = $1'];
    if (q.criterionId) where.push(`ev.criterion_id = $${params.push(q.criterionId)}`);
    if (q.indicatorId) where.push(`ev.indicator_id = $${params.push(q.indicatorId)}`);
    const w = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM evidence ev ${w}`, params);
    const rows = await this.db.query(
      `${EVIDENCE_SELECT} ${w} ORDER BY ev.uploaded_at, ev.id LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return { items: rows.map(toEvidenceView), total, page: q.page, pageSize: q.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<EvidenceView> {
    return toEvidenceView(await this.findVisible(user, id));
  }

  /**
   * Sends the bytes only after hashing them again and finding the SHA-256 recorded at upload:
   * a changed or missing file is logged as an integrity failure and never served.
   */
  async send(user: AuthUser, id: string, res: Response): Promise<void> {
    const ev = await this.findVisible(user, id);
    let blob: StoredBlob;
    try {
      blob = await this.store.open(ev.storage_key);
    } catch (e) {
      this.integrityFailure(ev, `file unreadable: ${(e as Error).message}`);
    }
    try {
      const actual = await sha256Of(blob.read());
      if (actual !== ev.sha256 || blob.size !== Number(ev.size)) {
        this.integrityFailure(ev, `stored file has SHA-256 ${actual} and ${blob.size} bytes`);
      }
      res.setHeader('Content-Type', ev.media_type);
      res.setHeader('Content-Length', String(blob.size));
      res.setHeader('Content-Disposition', attachmentDisposition(ev.file_name));
      res.setHeader('ETag', `"${ev.sha256}"`);
      res.setHeader('Cache-Control', 'private, no-cache');
      await pipeline(blob.read(), res).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw e; // the client went away: nothing to answer
      });
    } finally {
      await blob.close();
    }
  }

  private integrityFailure(ev: Record<string, any>, found: string): never {
    this.logger.error({ msg: 'evidence integrity failure', evidenceId: ev.id, sha256: ev.sha256, size: Number(ev.size), storageKey: ev.storage_key, found });
    throw new EvidenceIntegrityError(ev.id);
  }

  private async findVisible(user: AuthUser, id: string): Promise<Record<string, any>> {
    const params: unknown[] = [id];
    const [row] = await this.db.query(
      `SELECT ${EVIDENCE_COLUMNS}, b.storage_key
       FROM evidence ev JOIN evidence_blobs b ON b.sha256 = ev.sha256 JOIN agreements a ON a.id = ev.agreement_id
       WHERE ev.id = $1 AND ${visibleAgreement(user, params)}`,
      params,
    );
    if (!row) throw refuse(user, 'Evidence', id);
    return row;
  }
}

interface Backs {
  criterionId: string | null;
  indicatorId: string | null;
}

/** The upload's form fields: exactly one of criterionId and indicatorId. */
function whatItBacks(fields: Map<string, string>): Backs {
  const criterionId = fields.get('criterionId') || null;
  const indicatorId = fields.get('indicatorId') || null;
  if (!criterionId === !indicatorId) {
    throw new BadInputError('Say what the evidence backs', [{ field: 'criterionId', problem: 'give criterionId or indicatorId (one of them)' }]);
  }
  const [field, id] = criterionId ? ['criterionId', criterionId] : ['indicatorId', indicatorId!];
  if (!UUID.test(id)) throw new BadInputError(`${field} must be a UUID`, [{ field, problem: 'must be a UUID' }]);
  return { criterionId, indicatorId };
}

/** Criteria back the fixed tranche, indicators the variable one; both of the tranche's agreement. */
async function checkBacks(tx: EntityManager, tranche: Record<string, any>, backs: Backs): Promise<void> {
  const [field, table, kind] = backs.criterionId ? ['criterionId', 'criteria', 'FIXED'] : ['indicatorId', 'indicators', 'VARIABLE'];
  const [found] = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1 AND agreement_id = $2`, [backs.criterionId ?? backs.indicatorId, tranche.agreement_id]);
  if (!found) throw new BadInputError(`Not a ${field === 'criterionId' ? 'criterion' : 'indicator'} of this agreement`, [{ field, problem: 'not of this agreement' }]);
  if (tranche.kind !== kind) {
    throw new BadInputError(`A ${tranche.kind.toLowerCase()} tranche takes evidence of ${tranche.kind === 'FIXED' ? 'criteria' : 'indicators'}`, [
      { field, problem: `does not belong to a ${tranche.kind} tranche` },
    ]);
  }
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
