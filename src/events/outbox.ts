import type { EntityManager } from 'typeorm';

export interface OutboxEvent {
  type: string;
  /** What the event is about (a tranche, a transfer, a report): kept for look-ups, not sent. */
  subjectId: string | null;
  data: Record<string, unknown>;
}

/**
 * Writes an event in the caller's business transaction (transactional outbox): it exists if and
 * only if the change committed, and the events worker delivers it afterwards.
 */
export async function writeOutbox(tx: EntityManager, e: OutboxEvent): Promise<string> {
  if (!tx.queryRunner?.isTransactionActive) throw new Error('outbox events must be written inside the business transaction');
  const [row] = await tx.query(
    `INSERT INTO outbox (event_type, subject_id, payload) VALUES ($1, $2, $3) RETURNING id`,
    [e.type, e.subjectId, JSON.stringify(e.data)],
  );
  return String(row.id);
}
