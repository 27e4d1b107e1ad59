import { Decimal } from 'decimal.js';
import { randomBytes, randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';

interface Territory {
  ubigeo: string;
  level: string;
  name: string;
  parentUbigeo: string | null;
  provinceName: string | null;
  povertyRate: string | null;
  quintile: number | null;
}

describe('catalogues: territories, donors, funding programmes, entities, budget programmes', () => {
  let t: TestApp;
  let admin: string;
  let entity: string;
  // Every e2e file shares one database: what this file creates carries its own suffix.
  const sfx = randomBytes(3).toString('hex').toUpperCase();
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin@demo.tramos.pe');
    entity = await t.login('gore.ayacucho@demo.tramos.pe');
  });
  afterAll(() => t.close());

  const get = (path: string, token = entity) => t.http.get(`/api/v1${path}`).set(bearer(token));
  const post = (path: string, body: object, token = admin) => t.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
  const codes = (items: { code: string }[]) => items.map((i) => i.code);

  describe('territories (INEI UBIGEO, loaded by a migration)', () => {
    it('holds 25 departments, 196 provinces and 1,891 districts', async () => {
      expect((await get('/territories?level=DEPARTMENT').expect(200)).body.total).toBe(25);
      expect((await get('/territories?level=PROVINCE').expect(200)).body.total).toBe(196);
      expect((await get('/territories?level=DISTRICT').expect(200)).body.total).toBe(1891);
    });

    it('cuts districts into poverty quintiles of 379, 378, 378, 378, 378, quintile 1 the poorest', async () => {
      const byQuintile: Territory[][] = [];
      for (const q of [1, 2, 3, 4, 5]) {
        const res = await get(`/territories?level=DISTRICT&quintile=${q}&pageSize=500`).expect(200);
        byQuintile.push(res.body.items);
        expect(res.body.items).toHaveLength(res.body.total);
      }
      expect(byQuintile.map((items) => items.length)).toEqual([379, 378, 378, 378, 378]);
      const rates = (items: Territory[]) => items.filter((d) => d.povertyRate !== null).map((d) => new Decimal(d.povertyRate!));
      for (let q = 0; q < 4; q++) {
        expect(Decimal.min(...rates(byQuintile[q])).gte(Decimal.max(...rates(byQuintile[q + 1])))).toBe(true);
      }
      const departments = (await get('/territories?level=DEPARTMENT').expect(200)).body.items as Territory[];
      expect(departments.every((d) => d.quintile === null)).toBe(true);
    });

    it('lists the districts of a province (Huamanga) with rates of four decimals', async () => {
      const res = await get('/territories?parent=050100&pageSize=100').expect(200);
      const items = res.body.items as Territory[];
      expect(res.body.total).toBe(16);
      expect(items.every((d) => d.level === 'DISTRICT' && d.parentUbigeo === '050100' && d.provinceName === 'HUAMANGA')).toBe(true);
      expect(items.find((d) => d.ubigeo === '050101')).toMatchObject({ name: 'AYACUCHO', departmentName: 'AYACUCHO' });
      expect(items.every((d) => /^\d+\.\d{4}$/.test(d.povertyRate!))).toBe(true);
    });

    it('finds by name (case and accents ignored) or UBIGEO prefix, and reads one', async () => {
      expect((await get('/territories?q=ashaninka').expect(200)).body.items.map((d: Territory) => d.name)).toEqual(['UNION ASHÁNINKA']);
      const socos = (await get('/territories?q=socos&level=DISTRICT').expect(200)).body.items as Territory[];
      expect(socos.map((d) => d.ubigeo)).toEqual(['050112']);
      const prefix = (await get('/territories?q=0501&pageSize=100').expect(200)).body;
      expect(prefix.total).toBe(17); // the province and its 16 districts
      const one = await get('/territories/050000').expect(200);
      expect(one.body).toMatchObject({ ubigeo: '050000', level: 'DEPARTMENT', name: 'AYACUCHO', parentUbigeo: null });
      await get('/territories/999999').expect(404);
      expect((await get('/territories/abc').expect(400)).body.details[0].field).toBe('ubigeo');
      expect((await get('/territories?quintile=7').expect(400)).body.details[0].field).toBe('quintile');
    });

    it('needs a token', async () => {
      await t.http.get('/api/v1/territories').expect(401);
    });
  });

  describe('demo catalogue', () => {
    it('holds the codes the rest of the demo relies on', async () => {
      expect(codes((await get('/donors').expect(200)).body.items)).toEqual(expect.arrayContaining(['UE', 'BE']));
      const programs = (await get('/funding-programs?pageSize=500').expect(200)).body.items;
      expect(codes(programs)).toEqual(expect.arrayContaining(['EUROPAN', 'EURO-ECOTRADE', 'ENLCD', 'AUS-BE']));
      expect(programs.find((p: { code: string }) => p.code === 'ENLCD')).toMatchObject({
        donorCode: 'UE', reference: 'DCI-ALA/2013/023-715', currency: 'EUR', totalAmount: '32200000.00', startsOn: '2012-01-01', endsOn: '2016-12-31',
      });
      expect(programs.find((p: { code: string }) => p.code === 'AUS-BE').donorCode).toBe('BE');
      const entities = (await get('/entities?pageSize=500').expect(200)).body.items;
      expect(codes(entities)).toEqual(expect.arrayContaining([
        'GORE-AYA', 'GORE-AMA', 'GORE-PIU', 'GORE-HVC', 'RENIEC', 'SIS', 'JUNTOS', 'DEVIDA', 'MINCETUR', 'MINSA', 'MINAM', 'DRE-AYA',
      ]));
      expect(entities.find((e: { code: string }) => e.code === 'GORE-AYA')).toMatchObject({ kind: 'REGIONAL_GOVERNMENT', ubigeo: '050000', territoryName: 'AYACUCHO' });
      const budget = (await get('/budget-programs?pageSize=500').expect(200)).body.items;
      expect(codes(budget)).toEqual(expect.arrayContaining(['0001', '0079', '0002', '0051', '0065', '0035', '0049']));
      const products = (code: string) => budget.find((b: { code: string }) => b.code === code).products.length;
      expect(['0001', '0079', '0002', '0035', '0049'].map(products)).toEqual([4, 1, 2, 3, 1]);
    });
  });

  describe('writes: ADMIN only, audited', () => {
    const auditOf = async (id: string) =>
      t.app.get(DataSource).query('SELECT action, actor_label FROM audit_log WHERE subject_id = $1', [id]);

    it('lets ADMIN register a donor, its programme, an entity and a budget programme; everyone reads them', async () => {
      const donor = await post('/donors', { code: `D-${sfx}`, name: 'Cooperante de prueba' }).expect(201);
      expect(donor.body).toMatchObject({ code: `D-${sfx}`, name: 'Cooperante de prueba' });
      const program = await post('/funding-programs', {
        donorId: donor.body.id, code: `FP-${sfx}`, name: 'Programa de prueba', currency: 'USD', totalAmount: '1500000.5',
        startsOn: '2021-01-01', endsOn: '2023-12-31',
      }).expect(201);
      expect(program.body).toMatchObject({ donorCode: `D-${sfx}`, currency: 'USD', totalAmount: '1500000.50', startsOn: '2021-01-01', endsOn: '2023-12-31', reference: null });
      const body = await post('/entities', { code: `E-${sfx}`, name: 'Municipalidad de prueba', kind: 'LOCAL_GOVERNMENT', ubigeo: '050101' }).expect(201);
      expect(body.body).toMatchObject({ kind: 'LOCAL_GOVERNMENT', ubigeo: '050101', territoryName: 'AYACUCHO' });
      const pp = String(randomInt(5000, 10000));
      const budget = await post('/budget-programs', {
        code: pp, name: `Programa presupuestal ${sfx}`, products: [{ code: '3999002', name: 'Producto B' }, { code: '3999001', name: 'Producto A' }],
      }).expect(201);
      expect(codes(budget.body.products)).toEqual(['3999001', '3999002']);

      expect((await get(`/funding-programs?q=${sfx}&donorId=${donor.body.id}`).expect(200)).body.items.map((p: { id: string }) => p.id)).toEqual([program.body.id]);
      expect(codes((await get(`/entities?q=${sfx}&kind=LOCAL_GOVERNMENT`).expect(200)).body.items)).toEqual([`E-${sfx}`]);
      expect((await get(`/entities?q=${sfx}&kind=MINISTRY`).expect(200)).body.total).toBe(0);
      expect(codes((await get(`/budget-programs?q=${sfx}`).expect(200)).body.items)).toEqual([pp]);
      await get(`/donors/${donor.body.id}`).expect(200);
      await get(`/budget-programs/${budget.body.id}`).expect(200);
      await get('/entities/00000000-0000-4000-8000-000000000000').expect(404);

      for (const [id, action] of [[donor.body.id, 'donor.created'], [program.body.id, 'funding-program.created'],
        [body.body.id, 'entity.created'], [budget.body.id, 'budget-program.created']]) {
        expect(await auditOf(id)).toEqual([{ action, actor_label: 'ADMIN:admin@demo.tramos.pe' }]);
      }
    });

    it('answers 403 to every other role', async () => {
      await post('/donors', { code: `X-${sfx}`, name: 'No' }, entity).expect(403);
      await post('/entities', { code: `X-${sfx}`, name: 'No', kind: 'OTHER' }, entity).expect(403);
      await post('/funding-programs', { code: `X-${sfx}`, name: 'No', donorId: '00000000-0000-4000-8000-000000000000' }, await t.login('analista@demo.tramos.pe')).expect(403);
      await post('/budget-programs', { code: '9999', name: 'No' }, await t.login('ue@demo.tramos.pe')).expect(403);
      expect((await get(`/donors?q=X-${sfx}`).expect(200)).body.total).toBe(0);
    });

    it('refuses a code in use with 400 naming code', async () => {
      for (const [path, body] of [
        ['/donors', { code: 'UE', name: 'Otra' }],
        ['/entities', { code: 'GORE-AYA', name: 'Otra', kind: 'OTHER' }],
        ['/budget-programs', { code: '0001', name: 'Otro' }],
      ] as const) {
        const res = await post(path, body).expect(400);
        expect(res.body.details).toEqual([{ field: 'code', problem: `${body.code} is already in use` }]);
      }
    });

    it('names unknown fields, unknown references and bad values', async () => {
      const fields = async (path: string, body: object) => (await post(path, body).expect(400)).body.details.map((d: { field: string }) => d.field);
      expect(await fields('/donors', { code: `U-${sfx}`, name: 'Con campo de más', colour: 'blue' })).toEqual(['colour']);
      expect(await fields('/funding-programs', { code: `U-${sfx}`, name: 'Sin donante', donorId: '00000000-0000-4000-8000-000000000000' })).toEqual(['donorId']);
      expect(await fields('/entities', { code: `U-${sfx}`, name: 'Fuera del mapa', kind: 'OTHER', ubigeo: '999999' })).toEqual(['ubigeo']);
      const donor = (await get('/donors?q=UE').expect(200)).body.items.find((d: { code: string }) => d.code === 'UE');
      expect(await fields('/funding-programs', { code: `U-${sfx}`, name: 'Fechas al revés', donorId: donor.id, startsOn: '2020-01-01', endsOn: '2019-12-31' })).toEqual(['endsOn']);
      expect(await fields('/funding-programs', { code: 'minúsculas', name: 'x', donorId: donor.id, totalAmount: '1.234', startsOn: '2021-02-30' }))
        .toEqual(expect.arrayContaining(['code', 'totalAmount', 'startsOn']));
      expect(await fields('/entities', { code: `U-${sfx}`, name: 'Tipo raro', kind: 'PRIVATE' })).toEqual(['kind']);
      expect(await fields('/budget-programs', { code: '12', name: 'x y', products: [{ code: '3000001', name: 'A' }, { code: 'abc', name: 'B', extra: 1 }] }))
        .toEqual(expect.arrayContaining(['code', 'products[0].name', 'products[1].code', 'products[1].extra']));
      expect(await fields('/budget-programs', { code: '9998', name: 'Repetido', products: [{ code: '3000001', name: 'A a' }, { code: '3000001', name: 'B b' }] }))
        .toEqual(['products[1].code']);
    });
  });
});
