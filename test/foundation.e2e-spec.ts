import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { AuditService } from '../src/audit/audit.service.js';
import { AppConfig } from '../src/config/app-config.js';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';

describe('foundation: HTTP conventions, auth, audit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers /health and /health/ready without a token', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ready', database: 'up', queue: 'up', evidenceStore: 'up' });
  });

  it('is not ready when the evidence folder is gone, and says which', async () => {
    const blobs = join(t.app.get(AppConfig).dataDir, 'evidence', 'blobs');
    renameSync(blobs, `${blobs}.away`);
    try {
      const down = await t.http.get('/health/ready').expect(503);
      expect(down.body).toMatchObject({ status: 'not ready', database: 'up', evidenceStore: `down: ${blobs} is not writable` });
    } finally {
      renameSync(`${blobs}.away`, blobs);
    }
    await t.http.get('/health/ready').expect(200);
  });

  it('publishes a valid OpenAPI 3 document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/auth/login']).toBeDefined();
    expect(doc.components.securitySchemes.bearer).toBeDefined();
  });

  it('refuses a call without a token with 401 in the error body', async () => {
    const res = await t.http.get('/api/v1/auth/me').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', details: [] });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('logs in a demo user and knows who it is', async () => {
    const token = await t.login('analista@demo.tramos.pe');
    const me = await t.http.get('/api/v1/auth/me').set(bearer(token)).expect(200);
    expect(me.body).toMatchObject({ email: 'analista@demo.tramos.pe', role: 'ANALYST' });
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const a = await t.http.post('/api/v1/auth/login').send({ email: 'nadie@demo.tramos.pe', password: 'whatever-123' }).expect(401);
    const b = await t.http.post('/api/v1/auth/login').send({ email: 'director@demo.tramos.pe', password: 'whatever-123' }).expect(401);
    expect(a.body).toEqual(b.body);
  });

  it('refuses unknown fields and names every bad field', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ email: 'not-an-email', password: 'x', extra: 1 }).expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'extra']));
  });

  it('says a missing field is required, once, instead of every rule it fails', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ email: 'admin@demo.tramos.pe' }).expect(400);
    expect(res.body.details).toEqual([{ field: 'password', problem: 'is required' }]);
    expect(res.body.message).toBe('Invalid request: password');
  });

  it('honours Idempotency-Key: a repeated POST creates one user and replays the answer', async () => {
    const admin = await t.login('admin@demo.tramos.pe');
    const body = { email: 'idem@mef.gob.pe', name: 'Idem Potente', role: 'APPROVER', password: 'long-enough-password' };
    const first = await t.http.post('/api/v1/users').set(bearer(admin)).set('Idempotency-Key', 'k-1').send(body).expect(201);
    const again = await t.http.post('/api/v1/users').set(bearer(admin)).set('Idempotency-Key', 'k-1').send(body).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    // The same key with another body is a mistake, not a retry: refused, and nothing created.
    const other = await t.http.post('/api/v1/users').set(bearer(admin)).set('Idempotency-Key', 'k-1')
      .send({ ...body, email: 'idem2@mef.gob.pe' }).expect(422);
    expect(other.body.details).toEqual([{ field: 'Idempotency-Key', problem: 'used for another body on this path: send a new key for a new request' }]);
    const list = await t.http.get('/api/v1/users?q=idem').set(bearer(admin)).expect(200);
    expect(list.body.total).toBe(1);
  });

  it('a disabled user’s token stops working at once', async () => {
    const admin = await t.login('admin@demo.tramos.pe');
    const created = await t.http.post('/api/v1/users').set(bearer(admin))
      .send({ email: 'temp@mef.gob.pe', name: 'Temporal', role: 'ANALYST', password: 'long-enough-password' }).expect(201);
    const token = await t.login('temp@mef.gob.pe', 'long-enough-password');
    await t.http.get('/api/v1/auth/me').set(bearer(token)).expect(200);
    await t.http.patch(`/api/v1/users/${created.body.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    await t.http.get('/api/v1/auth/me').set(bearer(token)).expect(401);
  });

  it('keeps the audit log append-only (tampering detection: audit.e2e-spec)', async () => {
    const db = t.app.get(AuditService)['db'];
    await expect(db.query(`UPDATE audit_log SET action = 'x' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
