import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import type { Test } from 'supertest';
import { DataSource } from 'typeorm';
import type { Role } from '../src/auth/auth-user.js';
import { LOGINS, ROLES, SEES, type Subject, SUBJECTS } from './support/access-table.js';
import { sampleAgreementDocument, sampleRefs } from './support/agreement-fixture.js';
import { createReportFixture } from './support/report-fixture.js';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';

/*
 * Every operation of the OpenAPI document × every role × an agreement the role may not see: 404
 * when the role may use the operation, 403 when it may not, never a 2xx and nothing changed. Then
 * every list shows nothing of those agreements, and every read of what the role may see answers.
 * A new endpoint is walked as soon as it is documented; one missing from TABLE fails the run.
 * The three agreements of access-table.ts are built here from the report fixture.
 */

/** Real rows of one subject (and the global ones), to fill a path and a body with. */
interface Res {
  agreement: string; tranche: string; verified: string; period: string; indicator: string;
  evidence: string; observation: string; report: string; template: Buffer;
}
let G: Record<'user' | 'webhook' | 'donor' | 'funding-program' | 'entity' | 'budget-program', string>;
/** A path's parameter, by the path's first segment (`{n}` is version 1, `{ubigeo}` a district). */
const PARAM: Record<string, (r: Res) => string> = {
  agreements: (r) => r.agreement, tranches: (r) => r.tranche, evidence: (r) => r.evidence, observations: (r) => r.observation,
  indicators: (r) => r.indicator, reports: (r) => r.report, users: () => G.user, webhooks: () => G.webhook,
  donors: () => G.donor, 'funding-programs': () => G['funding-program'], entities: () => G.entity, 'budget-programs': () => G['budget-program'],
  territories: () => '050101',
};
/** Not anyone's agreement: every role reads them, so there is no foreign one to walk. */
const CATALOGUES = ['donors', 'funding-programs', 'entities', 'budget-programs', 'territories'];

const pdf = () => Buffer.from(`%PDF-1.4\n%${randomBytes(6).toString('hex')}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
type Body = (q: Test, r: Res) => Test;
const json = (f: (r: Res) => object): Body => (q, r) => q.send(f(r));
const ALL = 'ADMIN ANALYST APPROVER ENTITY VERIFIER DONOR';
let agreementDocument: object;

/** THE TABLE: who may use each operation, and a body that would be valid if the caller could see the resource
 *  (valid in shape: the same call on a visible subject passes validation; a state may still refuse it with 409/422).
 *  `refers`: no path parameter, but the body names a resource of an agreement, so it is walked too. */
const TABLE: Array<[op: string, roles: string, body?: Body, refers?: 'refers']> = [
  ['POST /auth/login', ALL], ['GET /auth/me', ALL], ['POST /auth/password', ALL],
  ['GET /users', 'ADMIN'], ['POST /users', 'ADMIN'], ['PATCH /users/{id}', 'ADMIN', json(() => ({ name: 'Nombre Cambiado' }))],
  ['GET /webhooks', 'ADMIN'], ['POST /webhooks', 'ADMIN'], ['DELETE /webhooks/{id}', 'ADMIN'], ['GET /webhooks/{id}/deliveries', 'ADMIN'],
  ['GET /audit', ALL], ['GET /audit/verify', 'ADMIN APPROVER'],
  ...CATALOGUES.flatMap((c): Array<[string, string]> => [[`GET /${c}`, ALL], [`GET /${c}/{${c === 'territories' ? 'ubigeo' : 'id'}}`, ALL]]),
  ...CATALOGUES.filter((c) => c !== 'territories').map((c): [string, string] => [`POST /${c}`, 'ADMIN']),
  ['POST /agreements', 'ANALYST ADMIN'], ['GET /agreements', ALL], ['GET /agreements/template.xlsx', ALL], ['POST /agreements/import', 'ANALYST ADMIN'],
  ['GET /agreements/{id}', ALL], ['GET /agreements/{id}/export.xlsx', ALL], ['GET /agreements/{id}/versions', ALL],
  ['GET /agreements/{id}/versions/{n}', ALL], ['GET /agreements/{id}/tranches', ALL],
  ['PATCH /agreements/{id}', 'ANALYST ADMIN', json(() => agreementDocument)],
  ['POST /agreements/{id}/sign', 'ANALYST ADMIN', json(() => ({ number: 'N° 9-2031', signedOn: '2030-12-01' }))],
  ['POST /agreements/{id}/addenda', 'ANALYST ADMIN', json(() => ({ effectiveFrom: '2033-01-01', reason: 'Adenda de prueba', changes: { maxAmount: '9000000.00' } }))],
  ['POST /agreements/{id}/simulate', ALL, json((r) => ({ periodId: r.period, values: { 'IND-01': '90' } }))],
  ['GET /tranches', ALL], ['GET /tranches/{id}', ALL], ['GET /tranches/{id}/history', ALL], ['GET /tranches/{id}/compliance', ALL],
  ['GET /tranches/{id}/evidence', ALL], ['GET /tranches/{id}/measurements', ALL], ['GET /tranches/{id}/measurements/template.xlsx', ALL],
  ['GET /tranches/{id}/submissions', ALL], ['GET /tranches/{id}/accepted-values', ALL], ['GET /tranches/{id}/observations', ALL],
  ['GET /evidence/{id}', ALL], ['GET /evidence/{id}/content', ALL],
  ['POST /tranches/{id}/evidence', 'ENTITY', (q, r) => q.field('indicatorId', r.indicator).attach('file', pdf(), 'acta.pdf')],
  ['PUT /tranches/{id}/measurements', 'ENTITY', json((r) => ({ items: [{ indicatorId: r.indicator, value: '90' }] }))],
  ['POST /tranches/{id}/measurements/import', 'ENTITY', (q, r) => q.attach('file', r.template, 'valores.xlsx')],
  ['POST /tranches/{id}/submit', 'ENTITY'], // takes no body
  ['POST /tranches/{id}/open', 'ANALYST'], ['POST /tranches/{id}/start-review', 'ANALYST'], // take no body
  ['POST /tranches/{id}/cancel', 'APPROVER', json(() => ({ reason: 'La entidad renunció al tramo' }))],
  ['PUT /tranches/{id}/accepted-values', 'ANALYST VERIFIER', json((r) => ({ items: [{ indicatorId: r.indicator, value: '90' }] }))],
  ['POST /tranches/{id}/accepted-values/from-reported', 'ANALYST VERIFIER', json(() => ({ source: 'Conforme' }))],
  ['POST /tranches/{id}/observations', 'ANALYST', json((r) => ({ items: [{ indicatorId: r.indicator, text: 'Falta el acta' }] }))],
  ['POST /observations/{id}/answer', 'ENTITY', json(() => ({ answer: 'Se adjunta el acta firmada' }))],
  ['POST /tranches/{id}/verify', 'ANALYST', json(() => ({ conclusions: 'La entidad cumplió' }))],
  ['POST /tranches/{id}/approve', 'APPROVER'], // takes no body
  ['POST /tranches/{id}/transfer', 'APPROVER', json(() => ({ instrument: 'D.S. N° 1-2032-EF', executedOn: '2032-05-01', amount: '1.00' }))],
  ['POST /indicators/{id}/neutralise', 'APPROVER', json((r) => ({ periodId: r.period, reason: 'Fuerza mayor' }))],
  ['POST /reports', ALL, json((r) => ({ type: 'FIXED_VERIFICATION', trancheId: r.verified })), 'refers'],
  ['GET /reports', ALL], ['GET /reports/{id}', ALL], ['GET /reports/{id}/file', ALL],
];
const ROW = new Map(TABLE.map(([op, roles, body, refers]) => [op, { roles: roles.split(' ') as Role[], body, refers }]));

interface Op { key: string; method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; hasParam: boolean; query: string[] }
const fill = (op: Op, r: Res) =>
  op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const prefix = op.path.split('/')[1]!;
    const resource = name === 'n' ? () => '1' : name === (prefix === 'territories' ? 'ubigeo' : 'id') ? PARAM[prefix] : undefined;
    if (!resource) throw new Error(`${op.key}: no resource known for {${name}}; add its prefix to PARAM`);
    return resource(r);
  });
// superagent hands its parser the raw response stream
const binary = (res: any, cb: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => cb(null, Buffer.concat(chunks)));
};
const isRefusal = (status: number) => [401, 403, 404].includes(status) || status >= 500;
const TABLES = ['audit_log', 'agreements', 'agreement_versions', 'tranche_transitions', 'measurements', 'accepted_values', 'observations',
  'evidence', 'submissions', 'transfers', 'neutralisations', 'reports', 'outbox', 'users'];

describe('access walk: every operation × role × foreign resource', () => {
  let t: TestApp;
  let db: DataSource;
  let ops: Op[];
  const tokens = {} as Record<Role, string>;
  const res = {} as Record<Subject, Res>;
  const foreignIds = {} as Record<Subject, string[]>;

  const call = async (op: Op, role: Role, r: Res, query = '') => {
    const q = t.http[op.method]('/api/v1' + fill(op, r) + query).set(bearer(tokens[role]));
    const body = ROW.get(op.key)?.body;
    try {
      return await (body ? body(q, r) : q);
    } catch (e) {
      // A refusal sent before an upload is read can cut the upload short: the answer is still there.
      if ((e as { response?: Awaited<Test> }).response) return (e as { response: Awaited<Test> }).response;
      throw e;
    }
  };
  const snapshot = async () =>
    (await db.query(`SELECT ${TABLES.map((x) => `(SELECT count(*)::int FROM ${x}) AS ${x}`).join(', ')},
      (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM tranches GROUP BY status) s) AS tranche_statuses,
      (SELECT sum(row_version)::int FROM tranches) AS tranche_changes, (SELECT sum(row_version)::int FROM agreements) AS agreement_changes,
      (SELECT count(*)::int FROM observations WHERE answer IS NOT NULL) AS answered, (SELECT count(*)::int FROM webhooks WHERE active) AS webhooks,
      (SELECT max(updated_at) FROM users) AS users_updated`))[0];

  /** One agreement of the report fixture, reshaped to the subject, with uploaded evidence and a finished report. */
  const build = async (s: Subject): Promise<Res> => {
    const f = await createReportFixture(db);
    if (s === 'AMA') {
      await db.query(
        `UPDATE agreements SET entity_id = (SELECT id FROM entities WHERE code = 'GORE-AMA'), verifier_entity_id = (SELECT id FROM entities WHERE code = 'SIS'),
           funding_program_id = (SELECT p.id FROM funding_programs p JOIN donors d ON d.id = p.donor_id WHERE d.code <> 'UE' LIMIT 1) WHERE id = $1`,
        [f.agreementId],
      );
    }
    if (s === 'UNASSIGNED') await db.query(`DELETE FROM agreement_analysts WHERE agreement_id = $1`, [f.agreementId]);
    const tranche = f.variableTrancheIds[1];
    await db.query(`UPDATE tranches SET status = 'OPEN' WHERE id = $1`, [tranche]); // the state in which the entity writes most
    const owner = await t.login(s === 'AMA' ? 'gore.amazonas@demo.tramos.pe' : LOGINS.ENTITY);
    const evidence = (await t.http.post(`/api/v1/tranches/${tranche}/evidence`).set(bearer(owner))
      .field('indicatorId', f.indicators['IND-01']).attach('file', pdf(), 'acta.pdf').expect(201)).body.id;
    const asked = await t.http.post('/api/v1/reports').set(bearer(tokens.ADMIN)).send({ type: 'FIXED_VERIFICATION', trancheId: f.fixedTrancheId }).expect(202);
    for (let status = 'QUEUED'; status !== 'DONE'; ) {
      if (status === 'FAILED') throw new Error('the report failed');
      await new Promise((done) => setTimeout(done, 200));
      status = (await t.http.get(`/api/v1/reports/${asked.body.id}`).set(bearer(tokens.ADMIN)).expect(200)).body.status;
    }
    const download = await t.http.get(`/api/v1/tranches/${tranche}/measurements/template.xlsx`).set(bearer(tokens.ADMIN)).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(download.body as unknown as ArrayBuffer);
    wb.getWorksheet('Valores')!.getCell('J2').value = 90;
    const [{ observation }] = await db.query(`SELECT o.id AS observation FROM observations o JOIN tranches x ON x.id = o.tranche_id WHERE x.agreement_id = $1 LIMIT 1`, [f.agreementId]);
    foreignIds[s] = (await db.query(
      `SELECT id::text FROM agreements WHERE id = $1 UNION ALL SELECT id::text FROM tranches WHERE agreement_id = $1
       UNION ALL SELECT id::text FROM evidence WHERE agreement_id = $1 UNION ALL SELECT id::text FROM reports WHERE agreement_id = $1`,
      [f.agreementId],
    )).map((x: { id: string }) => x.id);
    return {
      agreement: f.agreementId, tranche, verified: f.fixedTrancheId, period: f.periodIds[1], indicator: f.indicators['IND-01'],
      evidence, observation, report: asked.body.id, template: Buffer.from(await wb.xlsx.writeBuffer()),
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    for (const r of ROLES) tokens[r] = await t.login(LOGINS[r]);
    agreementDocument = sampleAgreementDocument(randomBytes(3).toString('hex').toUpperCase(), await sampleRefs(t));
    for (const s of SUBJECTS) res[s] = await build(s);
    const webhook = await t.http.post('/api/v1/webhooks').set(bearer(tokens.ADMIN))
      .send({ url: 'http://127.0.0.1:9/walk', events: ['transfer.executed'], secret: randomBytes(16).toString('hex') }).expect(201);
    const [ids] = await db.query(`SELECT (SELECT id FROM users WHERE email = $1) AS "user", (SELECT id FROM donors WHERE code = 'UE') AS donor,
      (SELECT id FROM funding_programs LIMIT 1) AS "funding-program", (SELECT id FROM entities WHERE code = 'GORE-AYA') AS entity,
      (SELECT id FROM budget_programs LIMIT 1) AS "budget-program"`, ['gore.piura@demo.tramos.pe']);
    G = { ...ids, webhook: webhook.body.id };
    const doc = (await t.http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> };
    ops = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/v1/')).flatMap(([full, item]) =>
      Object.entries(item).filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map(([m, op]) => {
        const path = full.slice('/api/v1'.length);
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        return { key: `${m.toUpperCase()} ${path}`, method: m as Op['method'], path, hasParam: path.includes('{'), query };
      }));
  }, 120_000);
  afterAll(async () => {
    await t.http.delete(`/api/v1/webhooks/${G.webhook}`).set(bearer(tokens.ADMIN)).expect(204); // delivers nowhere to later files
    await t.close();
  });

  it('has a row in the table for every documented operation, and no row for an operation that is gone', () => {
    expect(ops.length).toBeGreaterThanOrEqual(70);
    expect(ops.map((o) => o.key).filter((k) => !ROW.has(k))).toEqual([]);
    expect([...ROW.keys()].filter((k) => !ops.some((o) => o.key === k))).toEqual([]);
  });

  it('refuses every operation on a foreign resource — 404 to a role that may use it, 403 to one that may not — and changes nothing', async () => {
    const before = await snapshot();
    let calls = 0;
    for (const op of ops.filter((o) => (o.hasParam && !CATALOGUES.includes(o.path.split('/')[1]!)) || ROW.get(o.key)?.refers)) {
      const allowed = ROW.get(op.key)?.roles ?? [];
      for (const role of ROLES) {
        // ADMIN and APPROVER see every agreement: for them only the role guard can refuse.
        const foreign = SUBJECTS.filter((s) => !SEES[role].includes(s));
        const subjects = foreign.length ? foreign : allowed.includes(role) ? [] : SUBJECTS.slice(0, 1);
        for (const s of subjects) {
          const { status } = await call(op, role, res[s]);
          calls++;
          expect([op.key, role, s, status]).toEqual([op.key, role, s, allowed.includes(role) ? 404 : 403]);
        }
      }
    }
    expect(calls).toBeGreaterThan(150);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('shows nothing of a foreign agreement in any list, filtered to it or not', async () => {
    for (const op of ops.filter((o) => o.method === 'get' && !o.hasParam)) {
      const allowed = ROW.get(op.key)?.roles ?? [];
      for (const role of ROLES) {
        for (const s of SUBJECTS.filter((x) => !SEES[role].includes(x))) {
          const page = op.query.includes('pageSize') ? 'pageSize=500' : '';
          const filter = [['agreementId', res[s].agreement], ['trancheId', res[s].verified]].filter(([name]) => op.query.includes(name!));
          for (const query of [page, [page, ...filter.map(([k, v]) => `${k}=${v}`)].filter(Boolean).join('&')]) {
            const answer = await call(op, role, res[s], query && `?${query}`);
            const expected = !allowed.includes(role) ? [403] : query.includes('Id=') ? [200, 404] : [200];
            // Only an answer can leak: a refusal's message names the id it was asked for.
            const text = answer.ok && answer.type === 'application/json' ? JSON.stringify(answer.body) : '';
            const leaked = foreignIds[s].filter((id) => text.includes(id));
            expect([op.key, query, role, s, expected.includes(answer.status) ? 'as expected' : answer.status, leaked]).toEqual([op.key, query, role, s, 'as expected', []]);
          }
        }
      }
    }
  }, 120_000);

  it('answers every read of a resource the role may see (a state may refuse it, never the scope)', async () => {
    for (const op of ops.filter((o) => o.method === 'get' && o.hasParam)) {
      for (const role of ROLES.filter((r) => ROW.get(op.key)?.roles.includes(r))) {
        const { status } = await call(op, role, res[SEES[role][0]!]);
        expect([op.key, role, status, isRefusal(status)]).toEqual([op.key, role, status, false]);
      }
    }
  }, 120_000);
});
