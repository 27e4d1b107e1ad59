import { randomBytes } from 'node:crypto';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';

describe('catalogues: donors, funding programmes, entities, budget programmes', () => {
  let t: TestApp;
  let admin: string;
  let entity: string;
  const sfx = randomBytes(3).toString('hex').toUpperCase();
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin@demo.tramos.pe');
    entity = await t.login('gore.ayacucho@demo.tramos.pe');
  });
  afterAll(() => t.close());

  it('lets ADMIN add a donor and its programme, and everyone read them', async () => {
    const donor = await t.http.post('/api/v1/donors').set(bearer(admin)).send({ code: `BE-${sfx}`, name: 'Reino de Bélgica' }).expect(201);
    const fp = await t.http.post('/api/v1/funding-programs').set(bearer(admin))
      .send({ code: `AUS-${sfx}`, name: 'Aseguramiento Universal', donorId: donor.body.id, totalAmount: '1500000.50', startsOn: '2013-01-01' }).expect(201);
    expect(fp.body).toMatchObject({ code: `AUS-${sfx}`, totalAmount: '1500000.50', startsOn: '2013-01-01' });
    const list = await t.http.get(`/api/v1/funding-programs?q=${sfx}`).set(bearer(entity)).expect(200);
    expect(list.body.total).toBe(1);
  });

  it('refuses writes from other roles and names bad fields', async () => {
    await t.http.post('/api/v1/donors').set(bearer(entity)).send({ code: `X-${sfx}`, name: 'Nope' }).expect(403);
    const dup = await t.http.post('/api/v1/entities').set(bearer(admin)).send({ code: 'GORE-AYA', name: 'Otra', kind: 'OTHER' }).expect(400);
    expect(dup.body.details).toEqual([{ field: 'code', problem: 'already exists' }]);
    const ub = await t.http.post('/api/v1/entities').set(bearer(admin)).send({ code: `E-${sfx}`, name: 'Otra', kind: 'OTHER', ubigeo: '999999' }).expect(400);
    expect(ub.body.details[0].field).toBe('ubigeo');
    const amount = await t.http.post('/api/v1/funding-programs').set(bearer(admin))
      .send({ code: `F-${sfx}`, name: 'x y', donorId: '00000000-0000-4000-8000-000000000000', totalAmount: '1.234' }).expect(400);
    expect(amount.body.details.map((d: { field: string }) => d.field)).toContain('totalAmount');
  });

  it('keeps budget programmes with their products', async () => {
    const code = String(Math.floor(Math.random() * 9000) + 1000);
    await t.http.post('/api/v1/budget-programs').set(bearer(admin))
      .send({ code, name: 'Programa de prueba', products: [{ code: '3000001', name: 'Producto A' }, { code: '3000002', name: 'Producto B' }] }).expect(201);
    const res = await t.http.get(`/api/v1/budget-programs?q=${code}`).set(bearer(entity)).expect(200);
    expect(res.body.items[0].products.map((p: { code: string }) => p.code)).toEqual(['3000001', '3000002']);
  });
});
