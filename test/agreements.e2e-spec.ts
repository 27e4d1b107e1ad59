import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AgreementDocument } from '../src/agreements/agreement-document.js';
import { sampleAgreementDocument, sampleRefs, type SampleRefs } from './support/agreement-fixture.js';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';

interface Detail {
  field: string;
  problem: string;
}

describe('agreements: drafting, validation, reading, signing, addenda, scoping, demo', () => {
  let t: TestApp;
  let db: DataSource;
  let refs: SampleRefs;
  let analyst: string;
  let admin: string;
  let director: string;
  let gore: string;
  let donor: string;
  // Every e2e file shares one database: what this file creates carries its own suffix.
  const run = randomBytes(3).toString('hex').toUpperCase();
  let n = 0;
  const doc = (): AgreementDocument => sampleAgreementDocument(`${run}-${++n}`, refs);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    refs = await sampleRefs(t);
    [analyst, admin, director, gore, donor] = await Promise.all(
      ['analista', 'admin', 'director', 'gore.ayacucho', 'ue'].map((u) => t.login(`${u}@demo.tramos.pe`)),
    );
  });
  afterAll(() => t.close());

  const api = (path: string) => `/api/v1${path}`;
  const get = (path: string, token = analyst) => t.http.get(api(path)).set(bearer(token));
  const post = (path: string, body: object, token = analyst) => t.http.post(api(path)).set(bearer(token)).send(body);
  const patch = (path: string, body: object, token = analyst) => t.http.patch(api(path)).set(bearer(token)).send(body);
  const fields = (details: Detail[]) => details.map((d) => d.field);
  const create = async (d = doc()) => (await post('/agreements', d).expect(201)).body;

  describe('POST /agreements and GET /agreements/:id', () => {
    it('drafts the whole agreement in one document and reads it back with every id', async () => {
      const d = doc();
      const created = await create(d);
      expect(created).toMatchObject({
        code: d.code, title: d.title, status: 'DRAFT', currentVersion: 1, illustrative: false, maxAmount: '1000000.00',
        entity: { id: refs.entityId, code: 'GORE-AYA' }, fundingProgram: { id: refs.fundingProgramId, code: 'EUROPAN', donor: { code: 'UE' } },
        verifierEntity: null, budgetPrograms: [{ id: refs.budgetProgramId, code: '0001' }], prioritizedProductIds: d.prioritizedProductIds,
        rules: d.rules, scope: { ubigeos: [...d.scope.ubigeos].sort(), quintiles: [1] },
        departments: [{ ubigeo: '050000', name: 'AYACUCHO' }],
      });
      expect(created.analysts.map((a: { email: string }) => a.email)).toEqual(['analista@demo.tramos.pe']);
      expect(created.periods).toHaveLength(2);
      expect(created.periods[0]).toMatchObject({ code: 'P1', ordinal: 1, startsOn: '2021-01-01', endsOn: '2021-12-31' });
      expect(created.periods[0].tranches).toEqual([
        { id: expect.any(String), kind: 'FIXED', amount: '200000.00', plannedDate: '2021-06-30', status: 'SCHEDULED' },
        { id: expect.any(String), kind: 'VARIABLE', amount: '250000.00', plannedDate: '2022-03-31', status: 'SCHEDULED' },
      ]);
      const c2 = created.processes[0].subprocesses[0].criteria[1];
      expect(c2).toMatchObject({ id: expect.any(String), code: 'C2', kind: 'AT_LEAST', unit: '%', weight: null });
      expect(c2.levels).toEqual([
        { periodId: created.periods[0].id, period: 'P1', value: '60' }, { periodId: created.periods[1].id, period: 'P2', value: '80' },
      ]);
      expect(created.indicators[0]).toMatchObject({
        code: 'IND-1', weight: '0.6', baseline: { value: '45', year: 2020, source: 'HIS' }, scoring: { type: 'PROPORTIONAL', floor: '0.5' },
        datasheet: d.indicators[0].datasheet,
      });
      expect(created.indicators[0].targets[0]).toEqual({ id: expect.any(String), periodId: created.periods[0].id, period: 'P1', ubigeo: '050112', value: '52' });

      const read = await get(`/agreements/${created.id}`).expect(200);
      expect(read.body).toEqual(created);
      const rows = await db.query(`SELECT count(*)::int AS n FROM tranches WHERE agreement_id = $1 AND status = 'SCHEDULED'`, [created.id]);
      expect(rows[0].n).toBe(4);
      const audit = await db.query(`SELECT action FROM audit_log WHERE agreement_id = $1`, [created.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['agreement.drafted']);
    });

    it('keeps version 1 ("Versión inicial") with the document as read back', async () => {
      const created = await create();
      const versions = await get(`/agreements/${created.id}/versions`).expect(200);
      expect(versions.body).toEqual({
        items: [
          { version: 1, effectiveFrom: '2021-01-01', reason: 'Versión inicial', createdAt: expect.any(String), createdBy: { id: expect.any(String), name: 'Sectorista DGPP (demo)' } },
        ],
        total: 1, page: 1, pageSize: 50,
      });
      const v1 = (await get(`/agreements/${created.id}/versions/1`).expect(200)).body;
      expect(v1.snapshot.periods[1].tranches[1]).toEqual({ id: created.periods[1].tranches[1].id, kind: 'VARIABLE', amount: '300000.00', plannedDate: '2023-03-31' });
      expect(v1.snapshot.indicators).toEqual(created.indicators);
      expect(v1.snapshot.status).toBeUndefined();
      await get(`/agreements/${created.id}/versions/2`).expect(404);
      await get(`/agreements/${created.id}/versions/x`).expect(400);
    });

    it('lets only analysts and administrators draft', async () => {
      await post('/agreements', doc(), gore).expect(403);
      await post('/agreements', doc(), director).expect(403);
      const byAdmin = await post('/agreements', doc(), admin).expect(201);
      expect(byAdmin.body.analysts).toEqual([]);
    });
  });

  describe('validation of the whole document', () => {
    it('answers 400 naming every malformed field, unknown ones included', async () => {
      const d = doc() as any;
      d.maxAmount = 1000000;
      d.periods[0].startsOn = '2021-02-30';
      d.indicators[1].targets[0].value = 33;
      d.indicators[0].color = 'red';
      d.processes[0].subprocesses[0].criteria[0].kind = 'MAYBE';
      d.scope.quintiles = [0];
      delete d.rules.correctionDays;
      const res = await post('/agreements', d).expect(400);
      expect(fields(res.body.details)).toEqual(expect.arrayContaining([
        'maxAmount', 'periods[0].startsOn', 'indicators[1].targets[0].value', 'indicators[0].color',
        'processes[0].subprocesses[0].criteria[0].kind', 'scope.quintiles', 'rules.correctionDays',
      ]));
    });

    // Each domain rule on its own: the document is well formed, the 422 names the field.
    const cases: Array<[string, (d: AgreementDocument) => void, string]> = [
      ['tranches above the maximum', (d) => { d.maxAmount = '949999.99'; }, 'maxAmount'],
      ['indicator weights not adding up to 1', (d) => { d.indicators[1].weight = '0.3'; }, 'indicators'],
      ['a criterion without a level in a period with a fixed tranche', (d) => { d.processes[1].subprocesses[0].criteria[0].levels.pop(); },
        'processes[1].subprocesses[0].criteria[0].levels'],
      ['an indicator without a target in a period with a variable tranche', (d) => { d.indicators[1].targets.pop(); }, 'indicators[1].targets'],
      ['an unknown UBIGEO in the scope', (d) => { d.scope.ubigeos.push('059999'); }, 'scope.ubigeos[2]'],
      ['an unknown UBIGEO in a target', (d) => { d.indicators[0].targets[3].ubigeo = '999999'; }, 'indicators[0].targets[3].ubigeo'],
      ['an agreement ending before it starts', (d) => { d.endsOn = '2020-12-31'; }, 'endsOn'],
      ['overlapping periods', (d) => { d.periods[1].startsOn = '2021-12-01'; }, 'periods[1].startsOn'],
      ['a period outside the agreement', (d) => { d.periods[1].endsOn = '2023-12-31'; }, 'periods[1].endsOn'],
      ['a tranche planned before its period', (d) => { d.periods[1].fixedTranche!.plannedDate = '2021-11-30'; }, 'periods[1].fixedTranche.plannedDate'],
      ['a duplicate period code', (d) => { d.periods[1].code = 'P1'; }, 'periods[1].code'],
      ['a duplicate process code', (d) => { d.processes[1].code = '1'; }, 'processes[1].code'],
      ['a duplicate criterion code', (d) => { d.processes[1].subprocesses[0].criteria[0].code = 'C1'; }, 'processes[1].subprocesses[0].criteria[0].code'],
      ['a duplicate indicator code', (d) => { d.indicators[1].code = 'IND-1'; }, 'indicators[1].code'],
      ['a DECREASE target above its baseline', (d) => { d.indicators[1].targets[0].value = '36'; }, 'indicators[1].targets[0].value'],
      ['an INCREASE target below its baseline', (d) => { d.indicators[0].targets[0].value = '44'; }, 'indicators[0].targets[0].value'],
      ['PER_PROCESS shares not adding up to 1', (d) => {
        d.rules.fixedTrancheRule = 'PER_PROCESS'; d.processes[0].share = '0.5'; d.processes[1].share = '0.6';
      }, 'processes'],
      ['STEPS without steps', (d) => { d.indicators[1].scoring = { type: 'STEPS', steps: [] }; }, 'indicators[1].scoring.steps'],
      ['an unknown entity', (d) => { d.entityId = '00000000-0000-4000-8000-000000000000'; }, 'entityId'],
      ['an unknown funding programme', (d) => { d.fundingProgramId = '00000000-0000-4000-8000-000000000000'; }, 'fundingProgramId'],
      ['an unknown budget programme', (d) => { d.budgetProgramIds.push('00000000-0000-4000-8000-000000000000'); }, 'budgetProgramIds[1]'],
      ['an unknown product', (d) => { d.prioritizedProductIds.push('00000000-0000-4000-8000-000000000000'); }, 'prioritizedProductIds[2]'],
      ['a BOOLEAN level other than "true"', (d) => { d.processes[0].subprocesses[0].criteria[0].levels[1].value = 'false'; },
        'processes[0].subprocesses[0].criteria[0].levels[1].value'],
      ['a level for an unknown period', (d) => { d.processes[0].subprocesses[0].criteria[1].levels.push({ period: 'P3', value: '90' }); },
        'processes[0].subprocesses[0].criteria[1].levels[2].period'],
    ];
    it.each(cases)('refuses %s with 422 naming the field', async (_rule, breakIt, field) => {
      const d = doc();
      breakIt(d);
      const res = await post('/agreements', d).expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
      expect(fields(res.body.details)).toContain(field);
    });

    it('refuses a code already used by another agreement', async () => {
      const d = doc();
      await create(d);
      const res = await post('/agreements', { ...d, title: 'Otro' }).expect(422);
      expect(res.body.details).toContainEqual({ field: 'code', problem: 'is already used by another agreement' });
    });

    it('reports every broken rule at once and stores nothing', async () => {
      const d = doc();
      d.maxAmount = '100.00';
      d.indicators[0].weight = '0.5';
      d.scope.ubigeos.push('059999');
      d.indicators[1].targets[1].value = '40';
      const res = await post('/agreements', d).expect(422);
      expect(fields(res.body.details)).toEqual(expect.arrayContaining(['maxAmount', 'indicators', 'scope.ubigeos[2]', 'indicators[1].targets[1].value']));
      expect(await db.query(`SELECT 1 FROM agreements WHERE code = $1`, [d.code])).toEqual([]);
    });
  });

  describe('GET /agreements', () => {
    it('filters by status, entity, programme, region, year and text, and paginates', async () => {
      const tag = `LIST-${run}`;
      const mk = (i: number, change: (d: AgreementDocument) => void = () => {}) => {
        const d = doc();
        d.code = `CAP-${tag}-${i}`;
        change(d);
        return create(d);
      };
      const a1 = await mk(1);
      const a2 = await mk(2, (d) => { d.startsOn = '2020-01-01'; d.periods[0].startsOn = '2020-06-01'; });
      const a3 = await mk(3);
      await post(`/agreements/${a3.id}/sign`, { number: 'N° 3', signedOn: '2020-12-15' }).expect(200);

      const list = async (query: string) => (await get(`/agreements?q=${tag}&${query}`).expect(200)).body;
      const codes = (page: { items: Array<{ code: string }> }) => page.items.map((i) => i.code).sort();
      expect((await list('')).total).toBe(3);
      expect(codes(await list('status=IN_FORCE'))).toEqual([a3.code]);
      expect(codes(await list('status=DRAFT'))).toEqual([a1.code, a2.code]);
      expect((await list(`entityId=${refs.entityId}`)).total).toBe(3);
      expect((await list('entityId=00000000-0000-4000-8000-000000000000')).total).toBe(0);
      expect((await list(`fundingProgramId=${refs.fundingProgramId}`)).total).toBe(3);
      expect((await list('region=050000')).total).toBe(3);
      expect((await list('region=200000')).total).toBe(0);
      expect(codes(await list('year=2020'))).toEqual([a2.code]);
      expect((await list('year=2023')).total).toBe(3);
      expect((await list('year=2024')).total).toBe(0);

      const page1 = await list('pageSize=2&page=1');
      const page2 = await list('pageSize=2&page=2');
      expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page1.items).toHaveLength(2);
      expect(page2.items).toHaveLength(1);
      expect(new Set([...codes(page1), ...codes(page2)]).size).toBe(3);
      expect(page1.items[0]).toEqual({
        id: expect.any(String), code: expect.any(String), title: expect.any(String), status: expect.any(String),
        entity: { id: refs.entityId, code: 'GORE-AYA', name: 'Gobierno Regional de Ayacucho' },
        fundingProgram: { id: refs.fundingProgramId, code: 'EUROPAN', name: expect.any(String) },
        startsOn: expect.any(String), endsOn: '2023-06-30', maxAmount: '1000000.00', currentVersion: 1,
        departments: [{ ubigeo: '050000', name: 'AYACUCHO' }],
      });
      await get('/agreements?status=SIGNED').expect(400);
      await get('/agreements?region=050100').expect(400);
    });
  });

  describe('PATCH, sign, addenda and versions', () => {
    it('replaces a draft as a whole, re-validated, with version 1 updated and audited', async () => {
      const created = await create();
      const d = doc();
      d.code = created.code;
      d.title = 'Título corregido';
      d.periods[1].variableTranche!.amount = '320000.00';
      d.indicators[1].targets[1].value = '29';
      const bad = structuredClone(d);
      bad.maxAmount = '10.00';
      await patch(`/agreements/${created.id}`, bad).expect(422);

      const updated = (await patch(`/agreements/${created.id}`, d).expect(200)).body;
      expect(updated).toMatchObject({ id: created.id, title: 'Título corregido', currentVersion: 1 });
      expect(updated.periods[1].tranches[1].amount).toBe('320000.00');
      expect(updated.indicators[1].targets[1].value).toBe('29');
      const v1 = (await get(`/agreements/${created.id}/versions/1`).expect(200)).body;
      expect(v1.snapshot.title).toBe('Título corregido');
      expect(v1.snapshot.periods[1].tranches[1].amount).toBe('320000.00');
      const [entry] = await db.query(`SELECT before, after FROM audit_log WHERE agreement_id = $1 AND action = 'agreement.updated'`, [created.id]);
      expect(entry.before.title).toBe(created.title);
      expect(entry.after.title).toBe('Título corregido');
    });

    it('signing makes the agreement IN_FORCE and immutable: PATCH and a second signature answer 409', async () => {
      const created = await create();
      const signed = (await post(`/agreements/${created.id}/sign`, { number: 'Convenio N° 099-2020-EF/50.01', signedOn: '2020-12-15' }).expect(200)).body;
      expect(signed).toMatchObject({ status: 'IN_FORCE', number: 'Convenio N° 099-2020-EF/50.01', signedOn: '2020-12-15' });
      const d = doc();
      d.code = created.code;
      const res = await patch(`/agreements/${created.id}`, d).expect(409);
      expect(res.body.message).toMatch(/IN_FORCE/);
      const again = await post(`/agreements/${created.id}/sign`, { number: 'x', signedOn: '2020-12-16' }).expect(409);
      expect(again.body.message).toMatch(/IN_FORCE/);
      const missing = await post(`/agreements/${created.id}/sign`, { number: 'x' }).expect(400);
      expect(missing.body.details).toEqual([{ field: 'signedOn', problem: 'is required' }]);
      const impossible = await post(`/agreements/${created.id}/sign`, { number: 'x', signedOn: '2020-13-01' }).expect(400);
      expect(impossible.body.details).toEqual([{ field: 'signedOn', problem: 'must be a date YYYY-MM-DD' }]);
    });

    it('an addendum makes version 2 with the changed amount and target; version 1 stays as it was', async () => {
      const created = await create();
      await post(`/agreements/${created.id}/addenda`, { effectiveFrom: '2022-01-01', reason: 'Antes de firmar', changes: { maxAmount: '1.00' } }).expect(409);
      await post(`/agreements/${created.id}/sign`, { number: 'N° 100', signedOn: '2020-12-15' }).expect(200);
      const addendum = {
        effectiveFrom: '2022-01-01',
        reason: 'Adenda N° 1: reprogramación del tramo variable 2022 y de la meta de desnutrición',
        changes: {
          tranches: [{ period: 'P2', kind: 'VARIABLE', amount: '350000.00' }],
          targets: [{ indicator: 'IND-2', period: 'P2', value: '31' }],
          levels: [{ criterion: 'C2', period: 'P2', value: '85' }],
          maxAmount: '1050000.00',
          scope: { addUbigeos: ['050101'] },
        },
      };
      const v2 = (await post(`/agreements/${created.id}/addenda`, addendum).expect(201)).body;
      expect(v2.currentVersion).toBe(2);
      expect(v2.maxAmount).toBe('1050000.00');
      expect(v2.periods[1].tranches[1]).toEqual({ ...created.periods[1].tranches[1], amount: '350000.00' });
      expect(v2.indicators[1].targets[1]).toEqual({ ...created.indicators[1].targets[1], value: '31' });
      expect(v2.processes[0].subprocesses[0].criteria[1].levels[1].value).toBe('85');
      expect(v2.scope.ubigeos).toContain('050101');

      const versions = (await get(`/agreements/${created.id}/versions`).expect(200)).body.items;
      expect(versions.map((v: { version: number; reason: string; effectiveFrom: string }) => [v.version, v.effectiveFrom, v.reason])).toEqual([
        [1, '2021-01-01', 'Versión inicial'], [2, '2022-01-01', addendum.reason],
      ]);
      const v1 = (await get(`/agreements/${created.id}/versions/1`).expect(200)).body.snapshot;
      expect(v1.periods[1].tranches[1].amount).toBe('300000.00');
      expect(v1.indicators[1].targets[1].value).toBe('30');
      expect(v1.maxAmount).toBe('1000000.00');
      const v2Snapshot = (await get(`/agreements/${created.id}/versions/2`).expect(200)).body.snapshot;
      expect(v2Snapshot.periods[1].tranches[1].amount).toBe('350000.00');

      const page = (await get(`/agreements/${created.id}/tranches`).expect(200)).body;
      expect(page).toMatchObject({ total: 4, page: 1, pageSize: 50 });
      const tranches = page.items;
      expect(tranches).toHaveLength(4);
      expect(tranches[3]).toEqual({
        id: created.periods[1].tranches[1].id, period: { id: created.periods[1].id, code: 'P2', name: 'Año 2' },
        kind: 'VARIABLE', amount: '350000.00', plannedDate: '2023-03-31', status: 'SCHEDULED',
      });
    });

    it('refuses an addendum that touches a settled tranche or breaks a rule of the whole agreement', async () => {
      const created = await create();
      await post(`/agreements/${created.id}/sign`, { number: 'N° 101', signedOn: '2020-12-15' }).expect(200);
      await db.query(`UPDATE tranches SET status = 'TRANSFERRED' WHERE id = $1`, [created.periods[0].tranches[0].id]);
      const settled = await post(`/agreements/${created.id}/addenda`, {
        effectiveFrom: '2021-06-01', reason: 'Cambio no permitido', changes: { tranches: [{ period: 'P1', kind: 'FIXED', amount: '100.00' }] },
      }).expect(422);
      expect(settled.body.details).toContainEqual({
        field: 'changes.tranches[0]', problem: 'the FIXED tranche of P1 is TRANSFERRED; only SCHEDULED or OPEN tranches may change',
      });
      const whole = await post(`/agreements/${created.id}/addenda`, {
        effectiveFrom: '2021-06-01', reason: 'Sobre el máximo', changes: {
          tranches: [{ period: 'P2', kind: 'FIXED', amount: '300000.00' }], targets: [{ indicator: 'IND-2', period: 'P2', value: '40' }],
        },
      }).expect(422);
      expect(fields(whole.body.details)).toEqual(['maxAmount', 'indicators[1].targets[1].value']);
      expect((await get(`/agreements/${created.id}`).expect(200)).body.currentVersion).toBe(1);
    });
  });

  describe('scoping', () => {
    it('an entity sees its own agreements only; others answer 404', async () => {
      const mine = await create();
      await get(`/agreements/${mine.id}`, gore).expect(200);
      const [reniec] = await db.query(`SELECT id FROM agreements WHERE code = 'CAP-2012-RENIEC'`);
      await get(`/agreements/${reniec.id}`, gore).expect(404);
      await get(`/agreements/${reniec.id}/tranches`, gore).expect(404);
      await get(`/agreements/${reniec.id}/versions/1`, gore).expect(404);
      const listed = (await get('/agreements?pageSize=500', gore).expect(200)).body.items;
      expect(listed.every((a: { entity: { code: string } }) => a.entity.code === 'GORE-AYA')).toBe(true);
    });

    it("a donor sees only its programmes' agreements", async () => {
      const [smn] = await db.query(`SELECT id FROM agreements WHERE code = 'CAP-2014-SMN-AMA'`);
      await get(`/agreements/${smn.id}`, donor).expect(404);
      await get(`/agreements/${smn.id}`, director).expect(200);
      const listed = (await get('/agreements?pageSize=500', donor).expect(200)).body.items;
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.map((a: { code: string }) => a.code)).not.toContain('CAP-2014-SMN-AMA');
      const ue = (await db.query(`SELECT f.code FROM funding_programs f JOIN donors d ON d.id = f.donor_id WHERE d.code = 'UE'`))
        .map((f: { code: string }) => f.code);
      const programmes = new Set<string>(listed.map((a: { fundingProgram: { code: string } }) => a.fundingProgram.code));
      expect([...programmes].every((code) => ue.includes(code))).toBe(true);
      expect([...programmes]).toEqual(expect.arrayContaining(['EUROPAN', 'EURO-ECOTRADE', 'ENLCD']));
    });

    it('an analyst not assigned to an agreement neither sees nor edits it', async () => {
      const mine = await create();
      const email = `otro.${run.toLowerCase()}@mef.gob.pe`;
      await post('/users', { email, name: 'Otro Sectorista', role: 'ANALYST', password: 'long-enough-password' }, admin).expect(201);
      const other = await t.login(email, 'long-enough-password');
      await get(`/agreements/${mine.id}`, other).expect(404);
      const d = doc();
      d.code = mine.code;
      await patch(`/agreements/${mine.id}`, d, other).expect(404);
      await post(`/agreements/${mine.id}/sign`, { number: 'x', signedOn: '2020-12-15' }, other).expect(404);
    });
  });

  describe('demo', () => {
    const DEMO_CODES = [
      'CAP-2010-EUROPAN-AYA', 'CAP-2012-RENIEC', 'CAP-2012-JUNTOS', 'CAP-2012-SIS', 'CAP-2014-SMN-AMA', 'CAP-2014-ECOTRADE-PIU', 'CAP-2012-ENLCD-DEVIDA',
    ];

    it('holds at least seven illustrative agreements across at least four departments, assigned to the demo analyst', async () => {
      const page = (await get('/agreements?pageSize=500', analyst).expect(200)).body;
      const demo = page.items.filter((a: { code: string }) => DEMO_CODES.includes(a.code));
      expect(demo).toHaveLength(DEMO_CODES.length);
      const departments = new Set(demo.flatMap((a: { departments: Array<{ ubigeo: string }> }) => a.departments.map((d) => d.ubigeo)));
      expect(departments.size).toBeGreaterThanOrEqual(4);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM agreements WHERE illustrative AND notes ILIKE '%ilustrativo%'`);
      expect(n).toBeGreaterThanOrEqual(7);
    });

    it('loads agreements DRAFT, IN_FORCE and CLOSED, and tranches in every workflow state, each step recorded', async () => {
      // What the demo staged (other test files may move demo tranches on afterwards): the last 'system:demo' step.
      const staged = await db.query(
        `SELECT DISTINCT coalesce((SELECT x.to_status FROM tranche_transitions x WHERE x.tranche_id = t.id AND x.actor_label = 'system:demo'
                                   ORDER BY x.id DESC LIMIT 1), 'SCHEDULED') AS status
         FROM tranches t JOIN agreements a ON a.id = t.agreement_id WHERE a.code = ANY($1)`,
        [DEMO_CODES],
      );
      expect(staged.map((r: { status: string }) => r.status).sort()).toEqual(
        ['APPROVED', 'CANCELLED', 'IN_REVIEW', 'OBSERVED', 'OPEN', 'SCHEDULED', 'SUBMITTED', 'TRANSFERRED', 'VERIFIED'],
      );
      const statuses = await db.query(`SELECT DISTINCT status FROM agreements WHERE code = ANY($1) ORDER BY 1`, [DEMO_CODES]);
      expect(statuses.map((r: { status: string }) => r.status)).toEqual(['CLOSED', 'DRAFT', 'IN_FORCE']);

      const [ayacucho] = await db.query(`SELECT id FROM agreements WHERE code = 'CAP-2010-EUROPAN-AYA'`);
      const tranches = (await get(`/agreements/${ayacucho.id}/tranches`, gore).expect(200)).body.items;
      const history = async (trancheId: string) =>
        db.query(`SELECT to_status, actor_label FROM tranche_transitions WHERE tranche_id = $1 AND actor_label = 'system:demo' ORDER BY id`, [trancheId]);
      expect((await history(tranches[0].id)).map((h: { to_status: string }) => h.to_status)).toEqual(
        ['OPEN', 'SUBMITTED', 'IN_REVIEW', 'VERIFIED', 'APPROVED', 'TRANSFERRED'],
      );
      const lastPeriod = tranches.filter((x: { period: { code: string } }) => x.period.code === 'P3');
      for (const tranche of lastPeriod) expect((await history(tranche.id)).map((h: { to_status: string }) => h.to_status)).toEqual(['OPEN']);
    });

    it('the SIS agreement is in its second version: the addendum widened coverage from 6 to 15 regions', async () => {
      const [sis] = await db.query(`SELECT id FROM agreements WHERE code = 'CAP-2012-SIS'`);
      const view = (await get(`/agreements/${sis.id}`, director).expect(200)).body;
      expect(view.currentVersion).toBe(2);
      expect(view.scope.ubigeos).toHaveLength(15);
      const v1 = (await get(`/agreements/${sis.id}/versions/1`, director).expect(200)).body.snapshot;
      expect(v1.scope.ubigeos).toHaveLength(6);
      expect(view.notes).toMatch(/Ilustrativo/);
      expect(view.illustrative).toBe(true);
    });

    it('the Amazonas maternal health agreement carries its four indicators and SIS as verifier', async () => {
      const [smn] = await db.query(`SELECT id FROM agreements WHERE code = 'CAP-2014-SMN-AMA'`);
      const sis = await t.login('sis@demo.tramos.pe');
      const view = (await get(`/agreements/${smn.id}`, sis).expect(200)).body;
      expect(view.verifierEntity.code).toBe('SIS');
      expect(view.indicators.map((i: { name: string }) => i.name)).toContain(
        'Proporción de mujeres en unión procedentes de los quintiles I y II que usan algún método moderno de planificación familiar',
      );
      expect(view.indicators).toHaveLength(4);
    });
  });
});
