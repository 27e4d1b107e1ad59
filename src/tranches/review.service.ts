import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { findVisibleTranche, refuse, visibleAgreement } from '../auth/scope.js';
import { BadInputError, type ProblemDetail, StateConflictError } from '../common/errors.js';
import { addDays, Clock } from './clock.js';
import { assertMove, moveTranche } from './tranche-state.js';
import { checkDuplicates, checkRef, checkTerritory, checkValue, loadTargets } from './tranche-items.js';
import { OBSERVATION_COLUMNS, type ObservationView } from './tranche-view.js';
import type { AcceptedValueItemDto, ObservationsDto } from './tranches.dto.js';

const ACCEPTED_COLUMNS = `id, criterion_id AS "criterionId", indicator_id AS "indicatorId", trim(ubigeo) AS ubigeo, value, source,
  recorded_by AS "recordedBy", recorded_at AS "recordedAt", superseded_at AS "supersededAt"`;

type LockedTranche = { id: string; agreement_id: string; period_id: string; kind: 'FIXED' | 'VARIABLE' };

const onlyWhile = (status: string, wanted: string, what: string) =>
  new StateConflictError(`Tranche is ${status}; ${what} only while it is ${wanted}`, [{ field: 'status', problem: `current ${status}, requested ${what}` }]);

/** The analyst's review: accepted values, observations with a correction deadline, the entity's answers. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records the values DGPP (or the verifier) accepts, on which the tranche is computed. A new
   * value supersedes the current one (kept, with superseded_at); an unchanged one is left alone.
   */
  acceptValues(user: AuthUser, id: string, items: AcceptedValueItemDto[]) {
    return this.db.transaction(async (tx) => {
      const t = await findVisibleTranche(tx, user, id, true);
      if (t.status !== 'IN_REVIEW') throw onlyWhile(t.status, 'IN_REVIEW', 'accepted values can be recorded');
      return this.record(tx, user, t, items);
    });
  }

  /**
   * Accepts, as reported, every value the entity reported that has no accepted value yet (the
   * ones the reviewer already recorded are kept): the common case of a report found correct.
   */
  acceptReported(user: AuthUser, id: string, source: string) {
    return this.db.transaction(async (tx) => {
      const t = await findVisibleTranche(tx, user, id, true);
      if (t.status !== 'IN_REVIEW') throw onlyWhile(t.status, 'IN_REVIEW', 'accepted values can be recorded');
      const reported: { criterionId: string | null; indicatorId: string | null; ubigeo: string | null; value: string }[] = await tx.query(
        `SELECT m.criterion_id AS "criterionId", m.indicator_id AS "indicatorId", trim(m.ubigeo) AS ubigeo, m.value
         FROM measurements m
         WHERE m.tranche_id = $1 AND m.superseded_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM accepted_values a WHERE a.tranche_id = m.tranche_id AND a.superseded_at IS NULL
             AND coalesce(a.criterion_id, a.indicator_id) = coalesce(m.criterion_id, m.indicator_id) AND coalesce(trim(a.ubigeo), '') = coalesce(trim(m.ubigeo), ''))`,
        [id],
      );
      const items: AcceptedValueItemDto[] = reported.map((m) => ({
        criterionId: m.criterionId ?? undefined, indicatorId: m.indicatorId ?? undefined, ubigeo: m.ubigeo ?? undefined, value: m.value, source,
      }));
      return this.record(tx, user, t, items);
    });
  }

  /** Validates and stores accepted values of a tranche locked by the caller; audited as one change. */
  private async record(tx: EntityManager, user: AuthUser, t: LockedTranche, items: AcceptedValueItemDto[]) {
    const id = t.id;
    const targets = await loadTargets(tx, t);
    const problems: ProblemDetail[] = [];
    items.forEach((item, n) => {
      const before = problems.length;
      checkRef(item, `items[${n}]`, targets, problems, true);
      if (problems.length > before) return;
      checkValue(item, `items[${n}]`, targets, problems);
      checkTerritory(item, `items[${n}]`, targets, problems);
    });
    checkDuplicates(items, problems);
    if (problems.length) throw new BadInputError('Invalid accepted values', problems);

    const before: unknown[] = [];
    const after: unknown[] = [];
    for (const item of items) {
      const target = item.criterionId ?? item.indicatorId;
      const [current] = await tx.query(
        `SELECT ${ACCEPTED_COLUMNS} FROM accepted_values
         WHERE tranche_id = $1 AND coalesce(criterion_id, indicator_id) = $2 AND coalesce(trim(ubigeo), '') = $3 AND superseded_at IS NULL
         FOR UPDATE`,
        [id, target, item.ubigeo ?? ''],
      );
      if (current && current.value === item.value && current.source === (item.source ?? null)) continue;
      if (current) {
        await tx.query(`UPDATE accepted_values SET superseded_at = now() WHERE id = $1`, [current.id]);
        before.push(current);
      }
      const [row] = await tx.query(
        `INSERT INTO accepted_values (tranche_id, criterion_id, indicator_id, ubigeo, value, source, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ACCEPTED_COLUMNS}`,
        [id, item.criterionId ?? null, item.indicatorId ?? null, item.ubigeo ?? null, item.value, item.source ?? null, user.id],
      );
      after.push(row);
    }
    if (after.length) {
      await this.audit.record(tx, {
        agreementId: t.agreement_id, subjectType: 'Tranche', subjectId: id, action: 'tranche.accepted-values', actor: actorOf(user), before, after,
      });
    }
    return this.acceptedValuesOf(tx, id, false);
  }

  listAccepted(user: AuthUser, id: string, history: boolean) {
    return this.db.transaction(async (tx) => {
      await findVisibleTranche(tx, user, id);
      return this.acceptedValuesOf(tx, id, history);
    });
  }

  /**
   * IN_REVIEW → OBSERVED. The deadline (default: today + the agreement's correction days, in
   * calendar days) is stored on every observation and on the tranche; the deadline job cancels
   * the balance of a fixed tranche still observed after it (art. 17.7).
   */
  observe(user: AuthUser, id: string, dto: ObservationsDto): Promise<ObservationView[]> {
    return this.db.transaction(async (tx) => {
      const t = await findVisibleTranche(tx, user, id, true);
      assertMove(t.status, 'OBSERVED');
      const today = this.clock.today();
      if (dto.deadline && dto.deadline < today) {
        throw new BadInputError('The correction deadline is in the past', [{ field: 'deadline', problem: `must be ${today} or later` }]);
      }
      const targets = await loadTargets(tx, t);
      const problems: ProblemDetail[] = [];
      dto.items.forEach((item, n) => checkRef(item, `items[${n}]`, targets, problems, false));
      if (problems.length) throw new BadInputError('Invalid observations', problems);

      const deadline = dto.deadline ?? addDays(today, t.correction_days);
      const created: ObservationView[] = [];
      for (const item of dto.items) {
        const [o] = await tx.query(
          // clock_timestamp(), not now(): the observations of one round keep the order they were given in.
          `INSERT INTO observations AS o (tranche_id, criterion_id, indicator_id, text, deadline, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp()) RETURNING ${OBSERVATION_COLUMNS}`,
          [id, item.criterionId ?? null, item.indicatorId ?? null, item.text, deadline, user.id],
        );
        created.push(o);
      }
      await moveTranche(tx, this.audit, {
        trancheId: id, agreementId: t.agreement_id, from: t.status, to: 'OBSERVED', actor: actorOf(user),
        reason: `${created.length} observación(es); plazo de subsanación hasta ${deadline}`,
        set: { correction_deadline: deadline },
        event: { kind: t.kind, correctionDeadline: deadline, observations: created.map((o) => ({ id: o.id, text: o.text })) },
      });
      return created;
    });
  }

  /** The entity answers an observation while the tranche is OBSERVED (then corrects and resubmits). */
  answer(user: AuthUser, observationId: string, answer: string): Promise<ObservationView> {
    return this.db.transaction(async (tx) => {
      const params: unknown[] = [observationId];
      const [o] = await tx.query(
        `SELECT o.tranche_id, o.answer FROM observations o JOIN tranches t ON t.id = o.tranche_id JOIN agreements a ON a.id = t.agreement_id
         WHERE o.id = $1 AND ${visibleAgreement(user, params)}`,
        params,
      );
      if (!o) throw refuse(user, 'Observation', observationId);
      const t = await findVisibleTranche(tx, user, o.tranche_id, true);
      if (t.status !== 'OBSERVED') throw onlyWhile(t.status, 'OBSERVED', 'observations can be answered');
      const [[after]] = await tx.query(
        `UPDATE observations o SET answer = $2, answered_by = $3, answered_at = now() WHERE o.id = $1 RETURNING ${OBSERVATION_COLUMNS}`,
        [observationId, answer, user.id],
      );
      await this.audit.record(tx, {
        agreementId: t.agreement_id, subjectType: 'Observation', subjectId: observationId, action: 'observation.answered', actor: actorOf(user),
        before: { answer: o.answer }, after: { answer },
      });
      return after;
    });
  }

  private async acceptedValuesOf(tx: EntityManager, trancheId: string, history: boolean) {
    const items = await tx.query(
      `SELECT ${ACCEPTED_COLUMNS} FROM accepted_values WHERE tranche_id = $1 ${history ? '' : 'AND superseded_at IS NULL'}
       ORDER BY recorded_at, id`,
      [trancheId],
    );
    return { items };
  }
}
