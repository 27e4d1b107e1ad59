import type { EntityManager } from 'typeorm';

let cursors = 0;

/**
 * Rows of a query read in batches through a server-side cursor, so a report of any size holds
 * one batch at a time. Must run inside the transaction that stays open while the rows are read.
 */
export async function* cursorRows<T>(tx: EntityManager, sql: string, params: unknown[], batch = 2000): AsyncGenerator<T> {
  const name = `report_cursor_${++cursors}`;
  await tx.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
  try {
    for (;;) {
      const rows: T[] = await tx.query(`FETCH ${batch} FROM ${name}`);
      yield* rows;
      if (rows.length < batch) return;
    }
  } finally {
    await tx.query(`CLOSE ${name}`).catch(() => undefined); // the transaction may already be failing
  }
}
