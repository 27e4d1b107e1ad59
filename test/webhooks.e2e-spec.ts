import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { WebhookRetryPolicy } from '../src/events/webhook-retry-policy.js';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';
import { createWorkflowFixture, userId } from './support/workflow-fixture.js';

const API = '/api/v1';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  body: { id: string; type: string; occurredAt: string; data: Record<string, any> };
  answered: number;
}

/** A local receiver: `/ok` answers 200; `/flaky` answers 500 to the first try of each delivery, then 200. */
function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const tried = new Set<string>();
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const delivery = String(req.headers['x-tramos-delivery']);
      const answered = req.url === '/flaky' && !tried.has(delivery) ? 500 : 200;
      tried.add(delivery);
      received.push({ path: req.url!, headers: req.headers, raw, body: JSON.parse(raw), answered });
      res.statusCode = answered;
      res.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received })),
  );
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 45_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('events: transactional outbox and signed webhooks', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string, director: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const hooks: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    t.app.get(WebhookRetryPolicy).delayMs = 200; // exponential from 200 ms, so a retry comes quickly
    [admin, director] = await Promise.all([t.login('admin@demo.tramos.pe'), t.login('director@demo.tramos.pe')]);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    for (const id of hooks) await t.http.delete(`${API}/webhooks/${id}`).set(bearer(admin));
    receiver.server.close();
    await t.close();
  });

  const subscribe = async (path: string, secret: string) => {
    const res = await t.http.post(`${API}/webhooks`).set(bearer(admin))
      .send({ url: `${receiver.url}${path}`, events: ['transfer.requested', 'tranche.cancelled'], secret }).expect(201);
    hooks.push(res.body.id);
    return res.body;
  };

  /** A VERIFIED fixed tranche of 1,000,000.00 verified by the demo analyst. */
  async function verifiedTranche() {
    const f = await createWorkflowFixture(db);
    await db.query(
      `UPDATE tranches SET status = 'VERIFIED', verified_by = $2, verified_at = now(), verified_amount = 1000000, verified_version = 1 WHERE id = $1`,
      [f.fixedTrancheId, await userId(db, 'analista@demo.tramos.pe')],
    );
    return f.fixedTrancheId;
  }

  const forTranche = (trancheId: string, path: string) =>
    receiver.received.filter((r) => r.path === path && r.body.type === 'transfer.requested' && r.body.data.trancheId === trancheId);

  it('manages webhooks (ADMIN only) and never returns the secret', async () => {
    await t.http.post(`${API}/webhooks`).set(bearer(director)).send({ url: 'http://127.0.0.1:9/x', events: ['*'], secret: 'x'.repeat(16) }).expect(403);
    await t.http.post(`${API}/webhooks`).set(bearer(admin)).send({ url: 'ftp://x', events: ['nope'], secret: 'short' }).expect(400);
    const hook = await subscribe('/ok', 'el-secreto-de-prueba-1');
    expect(hook).not.toHaveProperty('secret');
    const list = await t.http.get(`${API}/webhooks`).set(bearer(admin)).expect(200);
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: hook.id, events: ['transfer.requested', 'tranche.cancelled'] })]));
    expect(JSON.stringify(list.body)).not.toContain('el-secreto-de-prueba-1');
  });

  it('20 approvals at once: one 200, nineteen 409, and transfer.requested delivered exactly once, signed', async () => {
    const trancheId = await verifiedTranche();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => t.http.post(`${API}/tranches/${trancheId}/approve`).set(bearer(director))),
    );
    const codes = answers.map((r) => r.status);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(await db.query(`SELECT count(*)::int AS n FROM transfers WHERE tranche_id = $1`, [trancheId])).toEqual([{ n: 1 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM outbox WHERE event_type = 'transfer.requested' AND subject_id = $1`, [trancheId])).toEqual([{ n: 1 }]);

    const [got] = await waitFor('the delivery', () => (forTranche(trancheId, '/ok').length ? forTranche(trancheId, '/ok') : undefined));
    await new Promise((r) => setTimeout(r, 2500)); // a few more dispatch ticks: nothing else may arrive
    expect(forTranche(trancheId, '/ok')).toHaveLength(1);
    expect(got.body).toMatchObject({ type: 'transfer.requested', data: { trancheId, amount: '1000000.00' } });
    expect(got.headers['x-tramos-event']).toBe('transfer.requested');
    expect(got.headers['x-tramos-signature']).toBe('sha256=' + createHmac('sha256', 'el-secreto-de-prueba-1').update(got.raw).digest('hex'));
    expect(new Date(got.body.occurredAt).toISOString()).toBe(got.body.occurredAt);
  });

  it('retries a receiver that answers 500, then delivers once and never again', async () => {
    const flaky = await subscribe('/flaky', 'el-secreto-de-prueba-2');
    const trancheId = await verifiedTranche();
    await t.http.post(`${API}/tranches/${trancheId}/approve`).set(bearer(director)).expect(200);
    const delivery = await waitFor('the retried delivery', async () => {
      const res = await t.http.get(`${API}/webhooks/${flaky.id}/deliveries`).set(bearer(admin)).expect(200);
      return res.body.items.find((d: any) => d.subjectId === trancheId && d.status === 'DELIVERED');
    });
    expect(delivery).toMatchObject({ eventType: 'transfer.requested', attempts: 2, lastStatusCode: 200, lastError: null });
    await new Promise((r) => setTimeout(r, 1500));
    const calls = forTranche(trancheId, '/flaky');
    expect(calls.map((c) => c.answered)).toEqual([500, 200]);
    expect(new Set(calls.map((c) => c.headers['x-tramos-delivery']))).toEqual(new Set([delivery.id]));
    expect(calls[0].raw).toBe(calls[1].raw); // the same event, byte for byte
  });

  it('stops delivering to a deleted webhook', async () => {
    const hook = await subscribe('/ok', 'el-secreto-de-prueba-3');
    await t.http.delete(`${API}/webhooks/${hook.id}`).set(bearer(admin)).expect(204);
    await t.http.delete(`${API}/webhooks/${hook.id}`).set(bearer(admin)).expect(404);
    const list = await t.http.get(`${API}/webhooks`).set(bearer(admin)).expect(200);
    expect(list.body.items.map((h: { id: string }) => h.id)).not.toContain(hook.id);
  });
});
