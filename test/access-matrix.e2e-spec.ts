import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '../src/auth/auth-user.js';
import { LOGINS, ROLES, SEES, type Subject, SUBJECTS } from './support/access-table.js';
import { sampleAgreementDocument, sampleRefs } from './support/agreement-fixture.js';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';

/**
 * Every read endpoint × every role × three agreements (own and foreign for each role), then the
 * writes each role may make, on something it may not see. The expected status comes from the
 * table below: 404 (never 403) for what the caller may not see.
 */
const READS: Array<[string, (a: string, t: string) => string]> = [
  ['agreement', (a) => `/agreements/${a}`],
  ['agreement tranches', (a) => `/agreements/${a}/tranches`],
  ['agreement versions', (a) => `/agreements/${a}/versions`],
  ['agreement version 1', (a) => `/agreements/${a}/versions/1`],
  ['agreement export', (a) => `/agreements/${a}/export.xlsx`],
  ['tranche', (_, t) => `/tranches/${t}`],
  ['tranche history', (_, t) => `/tranches/${t}/history`],
  ['tranche compliance', (_, t) => `/tranches/${t}/compliance`],
  ['tranche observations', (_, t) => `/tranches/${t}/observations`],
  ['tranche accepted values', (_, t) => `/tranches/${t}/accepted-values`],
  ['tranche measurements', (_, t) => `/tranches/${t}/measurements`],
  ['tranche measurements template', (_, t) => `/tranches/${t}/measurements/template.xlsx`],
  ['tranche evidence', (_, t) => `/tranches/${t}/evidence`],
  ['tranche submissions', (_, t) => `/tranches/${t}/submissions`],
];

describe('access: every read × role × own/foreign agreement', () => {
  let t: TestApp;
  const ids = {} as Record<Subject, { agreement: string; tranche: string; criterion: string }>;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const r of ROLES) tokens[r] = await t.login(LOGINS[r]);
    const db = t.app.get(DataSource);
    const created = await t.http.post('/api/v1/agreements').set(bearer(tokens.ADMIN))
      .send(sampleAgreementDocument(randomBytes(3).toString('hex').toUpperCase(), await sampleRefs(t))).expect(201);
    const codes: Record<Subject, string> = { AYA: 'CAP-2010-EUROPAN-AYA', AMA: 'CAP-2014-SMN-AMA', UNASSIGNED: created.body.code };
    for (const s of SUBJECTS) {
      const [row] = await db.query(
        `SELECT a.id AS agreement, (SELECT id FROM tranches WHERE agreement_id = a.id ORDER BY planned_date LIMIT 1) AS tranche,
                (SELECT id FROM criteria WHERE agreement_id = a.id LIMIT 1) AS criterion
         FROM agreements a WHERE a.code = $1`,
        [codes[s]],
      );
      ids[s] = row;
    }
  });
  afterAll(() => t.close());

  for (const role of ROLES) {
    for (const subject of SUBJECTS) {
      const visible = SEES[role].includes(subject);
      it(`${role} ${visible ? 'reads' : 'gets 404 for'} ${subject}`, async () => {
        for (const [name, path] of READS) {
          const res = await t.http.get('/api/v1' + path(ids[subject].agreement, ids[subject].tranche)).set(bearer(tokens[role]));
          // The endpoint's name travels with the status so a failure says which one.
          if (visible) expect([name, res.status === 404 || res.status >= 500]).toEqual([name, false]);
          else expect([name, res.status]).toEqual([name, 404]);
        }
        const list = await t.http.get('/api/v1/agreements?pageSize=500').set(bearer(tokens[role])).expect(200);
        expect(list.body.items.some((a: { id: string }) => a.id === ids[subject].agreement)).toBe(visible);
        const tranches = await t.http.get(`/api/v1/tranches?agreementId=${ids[subject].agreement}`).set(bearer(tokens[role])).expect(200);
        expect([role, subject, 'GET /tranches', tranches.body.total > 0]).toEqual([role, subject, 'GET /tranches', visible]);
        const audit = await t.http.get(`/api/v1/audit?agreementId=${ids[subject].agreement}`).set(bearer(tokens[role]));
        if (!visible) expect(audit.status === 404 || audit.body.total === 0).toBe(true);
      });
    }
  }

  it('serves an evidence file only to those who may see its agreement', async () => {
    const [open] = await t.app.get(DataSource).query(
      `SELECT t.id AS tranche, c.id AS criterion FROM tranches t
       JOIN criterion_levels l ON l.period_id = t.period_id JOIN criteria c ON c.id = l.criterion_id AND c.agreement_id = t.agreement_id
       WHERE t.agreement_id = $1 AND t.kind = 'FIXED' AND t.status = 'OPEN' LIMIT 1`,
      [ids.AYA.agreement],
    );
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const up = await t.http.post(`/api/v1/tranches/${open.tranche}/evidence`).set(bearer(tokens.ENTITY))
      .field('criterionId', open.criterion).attach('file', pdf, 'acta.pdf').expect(201);
    for (const role of ROLES) {
      const visible = SEES[role].includes('AYA');
      for (const path of [`/evidence/${up.body.id}`, `/evidence/${up.body.id}/content`]) {
        const res = await t.http.get('/api/v1' + path).set(bearer(tokens[role]));
        expect([role, path, res.status]).toEqual([role, path, visible ? 200 : 404]);
      }
    }
  });

  it('serves a verification report, and takes a request for one, only from those who may see its agreement', async () => {
    const db = t.app.get(DataSource);
    const verified = async (s: Subject) =>
      (await db.query(`SELECT id FROM tranches WHERE agreement_id = $1 AND kind = 'FIXED' AND verified_result IS NOT NULL LIMIT 1`, [ids[s].agreement]))[0].id;
    for (const subject of ['AYA', 'AMA'] as const) {
      const trancheId = await verified(subject);
      const asked = await t.http.post('/api/v1/reports').set(bearer(tokens.ADMIN)).send({ type: 'FIXED_VERIFICATION', trancheId }).expect(202);
      for (let status = 'QUEUED'; status !== 'DONE'; ) {
        if (status === 'FAILED') throw new Error('the report failed');
        await new Promise((r) => setTimeout(r, 200));
        status = (await t.http.get(`/api/v1/reports/${asked.body.id}`).set(bearer(tokens.ADMIN)).expect(200)).body.status;
      }
      for (const role of ROLES) {
        const visible = SEES[role].includes(subject);
        for (const path of [`/reports/${asked.body.id}`, `/reports/${asked.body.id}/file`]) {
          const res = await t.http.get('/api/v1' + path).set(bearer(tokens[role]));
          expect([role, subject, path, res.status]).toEqual([role, subject, path, visible ? 200 : 404]);
        }
        const request = await t.http.post('/api/v1/reports').set(bearer(tokens[role])).send({ type: 'FIXED_VERIFICATION', trancheId });
        expect([role, subject, 'POST /reports', request.status]).toEqual([role, subject, 'POST /reports', visible ? 202 : 404]);
        const list = await t.http.get(`/api/v1/reports?type=FIXED_VERIFICATION&pageSize=100`).set(bearer(tokens[role])).expect(200);
        expect(list.body.items.some((r: { id: string }) => r.id === asked.body.id)).toBe(visible);
      }
    }
    // A portfolio shows what its requester may see: it is theirs (and ADMIN's) alone.
    const portfolio = await t.http.post('/api/v1/reports').set(bearer(tokens.DONOR)).send({ type: 'PORTFOLIO' }).expect(202);
    for (const role of ROLES) {
      const res = await t.http.get(`/api/v1/reports/${portfolio.body.id}`).set(bearer(tokens[role]));
      expect([role, 'portfolio', res.status]).toEqual([role, 'portfolio', role === 'DONOR' || role === 'ADMIN' ? 200 : 404]);
    }
  });

  it('refuses every write on something the caller may not see with 404, and nothing changes', async () => {
    const before = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_log`);
    const U = ids.UNASSIGNED;
    const writes: Array<[Role, 'post' | 'put', string, object]> = [
      ['ANALYST', 'post', `/tranches/${U.tranche}/open`, {}],
      ['ANALYST', 'post', `/tranches/${U.tranche}/start-review`, {}],
      ['ANALYST', 'post', `/tranches/${U.tranche}/observations`, { items: [{ text: 'x' }] }],
      ['ANALYST', 'put', `/tranches/${U.tranche}/accepted-values`, { items: [{ criterionId: U.criterion, value: '1' }] }],
      ['ANALYST', 'post', `/tranches/${U.tranche}/verify`, { conclusions: 'x' }],
      ['ANALYST', 'post', `/agreements/${U.agreement}/sign`, { number: 'X-1', signedOn: '2021-01-05' }],
      ['VERIFIER', 'put', `/tranches/${ids.AYA.tranche}/accepted-values`, { items: [{ criterionId: ids.AYA.criterion, value: '1' }] }],
      ['ENTITY', 'post', `/agreements/${ids.AMA.agreement}/simulate`, { periodId: U.tranche, values: {} }],
      ['DONOR', 'post', `/agreements/${ids.AMA.agreement}/simulate`, { periodId: U.tranche, values: {} }],
    ];
    for (const [role, method, path, body] of writes) {
      const res = await t.http[method]('/api/v1' + path).set(bearer(tokens[role])).send(body);
      expect([role, path, res.status]).toEqual([role, path, 404]);
    }
    const after = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses actions outside a role with 403', async () => {
    const cases: Array<[Role, 'post' | 'get', string, object?]> = [
      ['ENTITY', 'post', '/users', { email: 'x@y.pe', name: 'X Y', role: 'ADMIN', password: 'long-enough-password' }],
      ['DONOR', 'post', `/tranches/${ids.AYA.tranche}/approve`],
      ['ENTITY', 'get', '/audit/verify'],
      ['ANALYST', 'post', `/tranches/${ids.AYA.tranche}/cancel`, { reason: 'x' }],
      ['VERIFIER', 'post', '/donors', { code: 'NOPE', name: 'Nope' }],
    ];
    for (const [role, method, path, body] of cases) {
      const res = await t.http[method]('/api/v1' + path).set(bearer(tokens[role])).send(body ?? {});
      expect([role, path, res.status]).toEqual([role, path, 403]);
    }
  });
});

describe('access: login brute force', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses the 11th try in a minute for one account without checking the password', async () => {
    const admin = await t.login('admin@demo.tramos.pe');
    const email = `brute-${randomBytes(3).toString('hex')}@mef.gob.pe`;
    await t.http.post('/api/v1/users').set(bearer(admin)).send({ email, name: 'Brute Force', role: 'ANALYST', password: 'the-right-password' }).expect(201);
    for (let i = 0; i < 10; i++) await t.http.post('/api/v1/auth/login').send({ email, password: `wrong-${i}` }).expect(401);
    // Even the right password is refused now: the hash is not checked for a locked account.
    const res = await t.http.post('/api/v1/auth/login').send({ email, password: 'the-right-password' }).expect(429);
    expect(res.body.message).toMatch(/try again later/);
  });
});
