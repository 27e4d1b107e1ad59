import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key remembers the body it was first used with, so a retry carrying another
 * body is refused instead of silently answered with the first request's result.
 */
export class IdempotencyRequestHash1763900000200 implements MigrationInterface {
  name = 'IdempotencyRequestHash1763900000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN request_hash text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN request_hash`);
  }
}
