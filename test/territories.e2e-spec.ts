import { bearer, createTestApp, type TestApp } from './support/test-app.js';

describe('territories catalogue (INEI UBIGEO)', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await t.login('gore.ayacucho@demo.tramos.pe');
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http.get('/api/v1' + path).set(bearer(token));

  it('holds 25 departments, 196 provinces and 1,891 districts', async () => {
    expect((await get('/territories?level=DEPARTMENT').expect(200)).body.total).toBe(25);
    expect((await get('/territories?level=PROVINCE').expect(200)).body.total).toBe(196);
    expect((await get('/territories?level=DISTRICT').expect(200)).body.total).toBe(1891);
  });

  it('lists the districts of Huamanga with poverty rate and quintile', async () => {
    const res = await get('/territories?parent=050100&pageSize=100').expect(200);
    expect(res.body.items.length).toBeGreaterThan(10);
    const acocro = res.body.items.find((d: { name: string }) => d.name === 'ACOCRO');
    expect(acocro).toMatchObject({ level: 'DISTRICT', departmentName: 'AYACUCHO', provinceName: 'HUAMANGA', quintile: 1 });
    expect(acocro.povertyRate).toMatch(/^\d+\.\d{4}$/);
  });

  it('filters by quintile and text, reads one, and names bad input', async () => {
    const q1 = await get('/territories?quintile=1&q=chungui').expect(200);
    expect(q1.body.items.map((d: { name: string }) => d.name)).toContain('CHUNGUI');
    await get('/territories/050000').expect(200);
    await get('/territories/999999').expect(404);
    const bad = await get('/territories?quintile=7').expect(400);
    expect(bad.body.details[0].field).toBe('quintile');
  });

  it('needs a token', async () => {
    await t.http.get('/api/v1/territories').expect(401);
  });
});
