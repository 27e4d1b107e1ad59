import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalJson } from '../common/canonical-json.js';
import { chainOf, linkHash, type ChainedFields } from './audit-chain.js';
import type { AuditEntry } from './audit.types.js';

export interface ChainBreak {
  chain: string;
  seq: number;
  id: string;
  reason: string;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Appends one entry inside the caller's transaction, so the change and its record commit
   * or fail together. The advisory lock serialises writers of one chain.
   */
  async record(tx: EntityManager, e: AuditEntry): Promise<void> {
    if (!tx.queryRunner?.isTransactionActive) throw new Error('audit entries must be written inside a transaction');
    const chain = chainOf(e.agreementId);
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit:${chain}`]);
    const [last] = await tx.query('SELECT seq, hash FROM audit_log WHERE chain = $1 ORDER BY seq DESC LIMIT 1', [chain]);
    const fields: ChainedFields = {
      chain,
      seq: last ? last.seq + 1 : 1,
      agreementId: e.agreementId ?? null,
      subjectType: e.subjectType,
      subjectId: e.subjectId ?? null,
      action: e.action,
      actorId: e.actor.id,
      actorLabel: e.actor.label,
      at: new Date().toISOString(),
      before: plain(e.before),
      after: plain(e.after),
    };
    const hash = linkHash(last?.hash ?? null, fields);
    await tx.query(
      `INSERT INTO audit_log (chain, seq, agreement_id, subject_type, subject_id, action, actor_id, actor_label, at, before, after, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [chain, fields.seq, fields.agreementId, fields.subjectType, fields.subjectId, fields.action, fields.actorId,
        fields.actorLabel, fields.at, jsonb(fields.before), jsonb(fields.after), last?.hash ?? null, hash],
    );
  }

  /** Recomputes every chain (or one agreement's) and reports the first broken link of each. */
  async verify(agreementId?: string): Promise<{ checked: number; ok: boolean; breaks: ChainBreak[] }> {
    const rows: Array<Record<string, any>> = await this.db.query(
      `SELECT id, chain, seq, agreement_id, subject_type, subject_id, action, actor_id, actor_label, at, before, after, prev_hash, hash
       FROM audit_log ${agreementId ? 'WHERE chain = $1' : ''} ORDER BY chain, seq`,
      agreementId ? [agreementId] : [],
    );
    const breaks: ChainBreak[] = [];
    let prev: { chain: string; hash: string; seq: number } | null = null;
    const broken = new Set<string>();
    for (const r of rows) {
      if (broken.has(r.chain)) continue;
      const expectedPrev = prev && prev.chain === r.chain ? prev.hash : null;
      const expectedSeq = prev && prev.chain === r.chain ? prev.seq + 1 : 1;
      const fields: ChainedFields = {
        chain: r.chain, seq: r.seq, agreementId: r.agreement_id, subjectType: r.subject_type, subjectId: r.subject_id,
        action: r.action, actorId: r.actor_id, actorLabel: r.actor_label, at: new Date(r.at).toISOString(),
        before: r.before, after: r.after,
      };
      let reason: string | null = null;
      if (r.seq !== expectedSeq) reason = `expected sequence ${expectedSeq}, found ${r.seq} (a row is missing)`;
      else if ((r.prev_hash ?? null) !== expectedPrev) reason = 'previous-hash link does not match the row before';
      else if (linkHash(expectedPrev, fields) !== r.hash) reason = 'row content does not match its hash (altered)';
      if (reason) {
        breaks.push({ chain: r.chain, seq: r.seq, id: String(r.id), reason });
        broken.add(r.chain);
      }
      prev = { chain: r.chain, hash: r.hash, seq: r.seq };
    }
    return { checked: rows.length, ok: breaks.length === 0, breaks };
  }
}

/** Stored as jsonb, so hash what jsonb will give back: plain JSON, no Dates or Decimals. */
function plain(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(canonicalJson(v));
}
const jsonb = (v: unknown) => (v === null ? null : JSON.stringify(v));
