import { DataSource } from 'typeorm';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';
import { createWorkflowFixture } from './support/workflow-fixture.js';

const API = '/api/v1';

describe('audit log: reading, scoping and chain verification', () => {
  let t: TestApp;
  let db: DataSource;
  let director: string, entity: string, analyst: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    [director, entity, analyst] = await Promise.all(['director', 'gore.ayacucho', 'analista'].map((u) => t.login(`${u}@demo.tramos.pe`)));
  });
  afterAll(() => t.close());

  it('refuses to change a recorded entry', async () => {
    await expect(db.query(`UPDATE audit_log SET action = 'x' WHERE id = (SELECT max(id) FROM audit_log)`)).rejects.toThrow(/append-only/);
  });

  it('lists entries by subject and agreement, scoped to what the caller may see', async () => {
    const f = await createWorkflowFixture(db);
    await t.http.post(`${API}/tranches/${f.fixedTrancheId}/open`).set(bearer(analyst)).expect(200);

    const bySubject = await t.http.get(`${API}/audit?subjectType=Tranche&subjectId=${f.fixedTrancheId}`).set(bearer(director)).expect(200);
    expect(bySubject.body).toMatchObject({ total: 1, page: 1, items: [{ action: 'tranche.open', agreementId: f.agreementId, actorLabel: 'ANALYST:analista@demo.tramos.pe' }] });
    expect(bySubject.body.items[0]).toMatchObject({ before: { status: 'SCHEDULED' }, after: { status: 'OPEN' }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const entitySees = await t.http.get(`${API}/audit?agreementId=${f.agreementId}`).set(bearer(entity)).expect(200);
    expect(entitySees.body.total).toBe(1);
    // Entries of no agreement (users, catalogues) and of others' agreements stay out of the entity's view.
    const users = await t.http.get(`${API}/audit?subjectType=User`).set(bearer(entity)).expect(200);
    expect(users.body.total).toBe(0);
    expect((await t.http.get(`${API}/audit?subjectType=User`).set(bearer(director)).expect(200)).body.total).toBeGreaterThan(0);
    const other = await createWorkflowFixture(db);
    await db.query(`UPDATE agreements SET entity_id = (SELECT id FROM entities WHERE code = 'SIS') WHERE id = $1`, [other.agreementId]);
    await t.http.post(`${API}/tranches/${other.fixedTrancheId}/open`).set(bearer(analyst)).expect(200);
    expect((await t.http.get(`${API}/audit?agreementId=${other.agreementId}`).set(bearer(entity)).expect(200)).body.total).toBe(0);
  });

  it('verifies the chains and finds a tampered row', async () => {
    const f = await createWorkflowFixture(db);
    await t.http.post(`${API}/tranches/${f.fixedTrancheId}/open`).set(bearer(analyst)).expect(200);
    await t.http.post(`${API}/tranches/${f.variableTrancheId}/open`).set(bearer(analyst)).expect(200);
    await t.http.get(`${API}/audit/verify`).set(bearer(entity)).expect(403);
    const clean = await t.http.get(`${API}/audit/verify?agreementId=${f.agreementId}`).set(bearer(director)).expect(200);
    expect(clean.body).toEqual({ checked: 2, ok: true, breaks: [] });

    // Only someone able to bypass the trigger (a database superuser) could do this.
    await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`UPDATE audit_log SET actor_label = 'ANALYST:otro@demo.tramos.pe' WHERE chain = $1 AND seq = 1`, [f.agreementId]);
    });
    const tampered = await t.http.get(`${API}/audit/verify?agreementId=${f.agreementId}`).set(bearer(director)).expect(200);
    expect(tampered.body).toMatchObject({ checked: 2, ok: false, breaks: [{ chain: f.agreementId, seq: 1, reason: expect.stringMatching(/altered/) }] });
    const all = await t.http.get(`${API}/audit/verify`).set(bearer(director)).expect(200);
    expect(all.body.ok).toBe(false);
    expect(all.body.breaks).toEqual(expect.arrayContaining([expect.objectContaining({ chain: f.agreementId, seq: 1 })]));
  });
});
