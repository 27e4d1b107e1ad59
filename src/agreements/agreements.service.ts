import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { findVisibleAgreement, visibleAgreement } from '../auth/scope.js';
import { money } from '../common/decimal.js';
import { NotFoundError, StateConflictError } from '../common/errors.js';
import { offsetOf, type Page, type PageQuery } from '../common/pagination.js';
import type { AgreementDocument } from './agreement-document.js';
import { departmentsOf, readAgreementView } from './agreement-reader.js';
import { assignAnalysts, deleteDefinition, insertDefinition, updateAgreementRow } from './agreement-store.js';
import { snapshotOf, type AgreementView } from './agreement-view.js';
import { checkAgreementRules, draftAgreement } from './draft-agreement.js';
import { signAgreement } from './sign-agreement.js';
import type { AgreementListQuery } from './dto/agreement-list.query.js';
import type { SignAgreementDto } from './dto/sign-agreement.dto.js';

const day = (column: string, as: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${as}"`;
const likePattern = (text: string) => '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%';

/** The agreement as written: drafting, reading, editing the draft and signing it. */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  draft(doc: AgreementDocument, user: AuthUser): Promise<AgreementView> {
    return this.db.transaction((tx) =>
      draftAgreement(tx, this.audit, doc, actorOf(user), { creatingAnalystId: user.role === 'ANALYST' ? user.id : null }),
    );
  }

  /** A consistent read of several tables. */
  private read<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', work);
  }

  get(id: string, user: AuthUser): Promise<AgreementView> {
    return this.read(async (tx) => {
      await findVisibleAgreement(tx, user, id);
      return readAgreementView(tx, id);
    });
  }

  list(q: AgreementListQuery, user: AuthUser): Promise<Page<unknown>> {
    return this.read(async (tx) => {
      const params: unknown[] = [];
      const where = [visibleAgreement(user, params, 'a')];
      if (q.status) where.push(`a.status = $${params.push(q.status)}`);
      if (q.entityId) where.push(`a.entity_id = $${params.push(q.entityId)}`);
      if (q.fundingProgramId) where.push(`a.funding_program_id = $${params.push(q.fundingProgramId)}`);
      if (q.region) {
        where.push(`EXISTS (SELECT 1 FROM territories t WHERE t.department_ubigeo = $${params.push(q.region)}
          AND (t.ubigeo = e.ubigeo OR t.ubigeo IN (SELECT s.ubigeo FROM agreement_scope s WHERE s.agreement_id = a.id)))`);
      }
      if (q.year !== undefined) {
        const y = params.push(q.year);
        where.push(`a.starts_on <= make_date($${y}::int, 12, 31) AND a.ends_on >= make_date($${y}::int, 1, 1)`);
      }
      if (q.q) {
        const p = params.push(likePattern(q.q));
        where.push(`(a.code ILIKE $${p} OR a.title ILIKE $${p})`);
      }
      const from = `FROM agreements a JOIN entities e ON e.id = a.entity_id JOIN funding_programs fp ON fp.id = a.funding_program_id
        WHERE ${where.join(' AND ')}`;
      const [{ total }] = await tx.query(`SELECT count(*)::int AS total ${from}`, params);
      const rows = await tx.query(
        `SELECT a.id, a.code, a.title, a.status,
           json_build_object('id', e.id, 'code', e.code, 'name', e.name) AS entity,
           json_build_object('id', fp.id, 'code', fp.code, 'name', fp.name) AS "fundingProgram",
           ${day('a.starts_on', 'startsOn')}, ${day('a.ends_on', 'endsOn')}, a.max_amount::text AS "maxAmount",
           a.current_version AS "currentVersion"
         ${from} ORDER BY a.starts_on DESC, a.code LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
        params,
      );
      const departments = await departmentsOf(tx, rows.map((r: { id: string }) => r.id));
      const items = rows.map((r: { id: string; maxAmount: string }) => ({ ...r, maxAmount: money(r.maxAmount), departments: departments.get(r.id) ?? [] }));
      return { items, total, page: q.page, pageSize: q.pageSize };
    });
  }

  /** Replaces a draft's whole definition; version 1 keeps the new text. */
  update(id: string, doc: AgreementDocument, user: AuthUser): Promise<AgreementView> {
    return this.db.transaction(async (tx) => {
      const row = await findVisibleAgreement(tx, user, id, true);
      if (row.status !== 'DRAFT') {
        throw new StateConflictError(`Agreement is ${row.status}; only a DRAFT agreement can be edited (one in force changes by addendum)`, [
          { field: 'status', problem: `current ${row.status}, editing needs DRAFT` },
        ]);
      }
      const before = snapshotOf(await readAgreementView(tx, id));
      await checkAgreementRules(tx, doc, id);
      await updateAgreementRow(tx, id, doc);
      await deleteDefinition(tx, id);
      await insertDefinition(tx, id, doc);
      if (doc.analystIds) {
        const [creator] = await tx.query(`SELECT id FROM users WHERE id = $1 AND role = 'ANALYST'`, [row.created_by]);
        await assignAnalysts(tx, id, [...doc.analystIds, ...(creator ? [creator.id] : []), ...(user.role === 'ANALYST' ? [user.id] : [])]);
      }
      const view = await readAgreementView(tx, id);
      const after = snapshotOf(view);
      await tx.query(`UPDATE agreement_versions SET snapshot = $2, effective_from = $3 WHERE agreement_id = $1 AND version = 1`, [
        id, JSON.stringify(after), doc.startsOn,
      ]);
      await this.audit.record(tx, { agreementId: id, subjectType: 'Agreement', subjectId: id, action: 'agreement.updated', actor: actorOf(user), before, after });
      return view;
    });
  }

  /** The signed convenio is in force and its text immutable; it changes only by addendum. */
  sign(id: string, dto: SignAgreementDto, user: AuthUser): Promise<AgreementView> {
    return this.db.transaction(async (tx) => {
      await signAgreement(tx, this.audit, await findVisibleAgreement(tx, user, id, true), dto, actorOf(user));
      return readAgreementView(tx, id);
    });
  }

  tranches(id: string, user: AuthUser, q: PageQuery): Promise<Page<unknown>> {
    return this.read(async (tx) => {
      await findVisibleAgreement(tx, user, id);
      const [{ total }] = await tx.query('SELECT count(*)::int AS total FROM tranches WHERE agreement_id = $1', [id]);
      const rows = await tx.query(
        `SELECT t.id, json_build_object('id', p.id, 'code', p.code, 'name', p.name) AS period, t.kind, t.amount::text AS amount,
           ${day('t.planned_date', 'plannedDate')}, t.status
         FROM tranches t JOIN periods p ON p.id = t.period_id WHERE t.agreement_id = $1 ORDER BY p.ordinal, t.kind
         LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
        [id],
      );
      return { items: rows.map((t: { amount: string }) => ({ ...t, amount: money(t.amount) })), total, page: q.page, pageSize: q.pageSize };
    });
  }

  versions(id: string, user: AuthUser, q: PageQuery): Promise<Page<unknown>> {
    return this.read(async (tx) => {
      await findVisibleAgreement(tx, user, id);
      const [{ total }] = await tx.query('SELECT count(*)::int AS total FROM agreement_versions WHERE agreement_id = $1', [id]);
      const items = await tx.query(
        `SELECT ${VERSION_COLUMNS} ${VERSION_FROM} WHERE v.agreement_id = $1 ORDER BY v.version LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
        [id],
      );
      return { items, total, page: q.page, pageSize: q.pageSize };
    });
  }

  version(id: string, n: number, user: AuthUser) {
    return this.read(async (tx) => {
      await findVisibleAgreement(tx, user, id);
      const [v] = await tx.query(`SELECT ${VERSION_COLUMNS}, v.snapshot ${VERSION_FROM} WHERE v.agreement_id = $1 AND v.version = $2`, [id, n]);
      if (!v) throw new NotFoundError(`Version ${n} of agreement`, id);
      return v;
    });
  }
}

const VERSION_COLUMNS = `v.version, ${day('v.effective_from', 'effectiveFrom')}, v.reason, v.created_at AS "createdAt",
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS "createdBy"`;
const VERSION_FROM = `FROM agreement_versions v LEFT JOIN users u ON u.id = v.created_by`;
