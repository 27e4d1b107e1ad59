import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from '../src/config/app-config.js';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';
import { insertTrancheFixture, type TrancheFixture } from './support/tranche-fixture.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A small but real-looking PDF, different on every call. */
const pdf = () => Buffer.from(`%PDF-1.7\n% ${randomBytes(8).toString('hex')}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
const binary = (res: any, cb: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('evidence files', () => {
  let t: TestApp;
  let db: DataSource;
  let dataDir: string;
  let aya: TrancheFixture;
  let ama: TrancheFixture;
  let entity: string;
  let otherEntity: string;
  let analyst: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    dataDir = t.app.get(AppConfig).dataDir;
    aya = await insertTrancheFixture(db, 'GORE-AYA');
    ama = await insertTrancheFixture(db, 'GORE-AMA', ['010101', '010102']);
    entity = await t.login('gore.ayacucho@demo.tramos.pe');
    analyst = await t.login('analista@demo.tramos.pe');
    const admin = await t.login('admin@demo.tramos.pe');
    const email = `gore.amazonas.${randomBytes(3).toString('hex')}@test.tramos.pe`;
    await t.http.post('/api/v1/users').set(bearer(admin))
      .send({ email, name: 'Planificador Amazonas', role: 'ENTITY', entityId: ama.entityId, password: 'Amazonas-Test-2026' }).expect(201);
    otherEntity = await t.login(email, 'Amazonas-Test-2026');
  });
  afterAll(() => t.close());

  const upload = (token: string, trancheId: string, file: Buffer, name: string, backs: Record<string, string>) => {
    const req = t.http.post(`/api/v1/tranches/${trancheId}/evidence`).set(bearer(token));
    for (const [k, v] of Object.entries(backs)) req.field(k, v);
    return req.attach('file', file, name);
  };
  const blobPath = (sha: string) => join(dataDir, 'evidence', 'blobs', sha.slice(0, 2), sha);
  const tempFiles = () => readdirSync(join(dataDir, 'evidence', 'tmp'));
  const evidenceCount = async (trancheId: string) =>
    (await db.query('SELECT count(*)::int AS n FROM evidence WHERE tranche_id = $1', [trancheId]))[0].n as number;

  it('keeps an upload content-addressed, with its metadata, and gives back the same bytes', async () => {
    const bytes = pdf();
    // Raw multipart, so the name really carries a path and a quote (clients would encode the quote as %22).
    const boundary = `----tramos${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="criterionId"\r\n\r\n${aya.booleanCriterionId}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="../evil\\"name.pdf"\r\nContent-Type: text/plain\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.http.post(`/api/v1/tranches/${aya.fixedTrancheId}/evidence`).set(bearer(entity))
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(body).expect(201);
    expect(res.body).toMatchObject({
      trancheId: aya.fixedTrancheId, criterionId: aya.booleanCriterionId, indicatorId: null, version: 1,
      fileName: 'evil"name.pdf', mediaType: 'application/pdf', size: bytes.length, sha256: sha256(bytes),
    });
    expect(readFileSync(blobPath(sha256(bytes)))).toEqual(bytes);

    const meta = await t.http.get(`/api/v1/evidence/${res.body.id}`).set(bearer(analyst)).expect(200);
    expect(meta.body).toEqual(res.body);
    const content = await t.http.get(`/api/v1/evidence/${res.body.id}/content`).set(bearer(entity)).buffer(true).parse(binary).expect(200);
    expect(content.body).toEqual(bytes);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-disposition']).toBe(`attachment; filename="evil_name.pdf"; filename*=UTF-8''evil%22name.pdf`);

    const [audit] = await db.query(`SELECT action, after FROM audit_log WHERE subject_type = 'Evidence' AND subject_id = $1`, [res.body.id]);
    expect(audit).toMatchObject({ action: 'evidence.uploaded', after: { sha256: sha256(bytes) } });
  });

  it('takes CSV text with a UTF-8 name, and lists the evidence of the tranche', async () => {
    const csv = Buffer.from(`distrito;valor\nAyacucho;${randomBytes(2).readUInt16BE()}\n`);
    const res = await upload(entity, aya.variableTrancheId, csv, 'Niños año 2026.csv', { indicatorId: aya.districtIndicatorId }).expect(201);
    expect(res.body).toMatchObject({ mediaType: 'text/csv', fileName: 'Niños año 2026.csv' });
    const list = await t.http.get(`/api/v1/tranches/${aya.variableTrancheId}/evidence`).set(bearer(entity)).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: res.body.id }] });
    const content = await t.http.get(`/api/v1/evidence/${res.body.id}/content`).set(bearer(entity)).buffer(true).parse(binary).expect(200);
    expect(content.headers['content-disposition']).toBe(`attachment; filename="Ninos ano 2026.csv"; filename*=UTF-8''Ni%C3%B1os%20a%C3%B1o%202026.csv`);
  });

  it('refuses a renamed executable with 415 and stores nothing', async () => {
    for (const exe of [Buffer.concat([Buffer.from('MZ\x90\x00\x03'), randomBytes(4096)]), Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00'), randomBytes(4096)])]) {
      const before = await evidenceCount(aya.fixedTrancheId);
      const res = await upload(entity, aya.fixedTrancheId, exe, 'informe.pdf', { criterionId: aya.booleanCriterionId }).expect(415);
      expect(res.body.details[0].field).toBe('file');
      expect(await evidenceCount(aya.fixedTrancheId)).toBe(before);
      expect((await db.query('SELECT 1 FROM evidence_blobs WHERE sha256 = $1', [sha256(exe)])).length).toBe(0);
      expect(existsSync(blobPath(sha256(exe)))).toBe(false);
      expect(tempFiles()).toEqual([]);
    }
  });

  it('refuses 26 MB with 413 (limit 25 MB) and an empty file with 400, storing nothing', async () => {
    const before = await evidenceCount(aya.fixedTrancheId);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(26 * 1024 * 1024)]);
    const res = await upload(entity, aya.fixedTrancheId, big, 'grande.pdf', { criterionId: aya.booleanCriterionId }).expect(413);
    expect(res.body.details).toEqual([{ field: 'file', problem: `at most ${25 * 1024 * 1024} bytes` }]);
    const empty = await upload(entity, aya.fixedTrancheId, Buffer.alloc(0), 'vacio.pdf', { criterionId: aya.booleanCriterionId }).expect(400);
    expect(empty.body.details).toEqual([{ field: 'file', problem: 'is empty' }]);
    expect(await evidenceCount(aya.fixedTrancheId)).toBe(before);
    expect(existsSync(blobPath(sha256(big)))).toBe(false);
    expect(tempFiles()).toEqual([]);
  });

  it('names what is wrong in the form, and refuses evidence of the other kind of tranche', async () => {
    const none = await upload(entity, aya.fixedTrancheId, pdf(), 'a.pdf', {}).expect(400);
    expect(none.body.details[0].field).toBe('criterionId');
    const wrongKind = await upload(entity, aya.fixedTrancheId, pdf(), 'a.pdf', { indicatorId: aya.nationalIndicatorId }).expect(400);
    expect(wrongKind.body.details[0].field).toBe('indicatorId');
    const foreign = await upload(entity, aya.fixedTrancheId, pdf(), 'a.pdf', { criterionId: ama.booleanCriterionId }).expect(400);
    expect(foreign.body.details[0]).toEqual({ field: 'criterionId', problem: 'not of this agreement' });
    const unknown = await upload(entity, aya.fixedTrancheId, pdf(), 'a.pdf', { criterionId: aya.booleanCriterionId, other: 'x' }).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'other', problem: 'unknown field' }]);
    await upload(analyst, aya.fixedTrancheId, pdf(), 'a.pdf', { criterionId: aya.booleanCriterionId }).expect(403);
    expect(tempFiles()).toEqual([]);
  });

  it('stores the same bytes once when two uploads race, as two versions of the evidence', async () => {
    const bytes = pdf();
    const [a, b] = await Promise.all([
      upload(entity, aya.fixedTrancheId, bytes, 'acta.pdf', { criterionId: aya.atLeastCriterionId }),
      upload(entity, aya.fixedTrancheId, bytes, 'acta (copia).pdf', { criterionId: aya.atLeastCriterionId }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    expect([a.body.version, b.body.version].sort()).toEqual([1, 2]);
    expect((await db.query('SELECT count(*)::int AS n FROM evidence_blobs WHERE sha256 = $1', [sha256(bytes)]))[0].n).toBe(1);
    expect((await db.query('SELECT count(*)::int AS n FROM evidence WHERE sha256 = $1', [sha256(bytes)]))[0].n).toBe(2);
    expect(readdirSync(join(dataDir, 'evidence', 'blobs', sha256(bytes).slice(0, 2))).filter((f) => f === sha256(bytes))).toHaveLength(1);
  });

  it("answers 404 for another entity's tranche and evidence", async () => {
    const theirs = await upload(otherEntity, ama.fixedTrancheId, pdf(), 'suyo.pdf', { criterionId: ama.booleanCriterionId }).expect(201);
    await upload(entity, ama.fixedTrancheId, pdf(), 'mio.pdf', { criterionId: ama.booleanCriterionId }).expect(404);
    await t.http.get(`/api/v1/evidence/${theirs.body.id}`).set(bearer(entity)).expect(404);
    await t.http.get(`/api/v1/evidence/${theirs.body.id}/content`).set(bearer(entity)).expect(404);
    await t.http.get(`/api/v1/tranches/${ama.fixedTrancheId}/evidence`).set(bearer(entity)).expect(404);
    await t.http.get(`/api/v1/evidence/${theirs.body.id}`).set(bearer(otherEntity)).expect(200);
  });

  it('describes the upload as multipart in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const post = doc.paths['/api/v1/tranches/{id}/evidence'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(doc.paths['/api/v1/evidence/{id}/content'].get.summary).toMatch(/SHA-256/);
  });

  it('refuses to serve a blob changed on disk', async () => {
    const bytes = pdf();
    const res = await upload(entity, aya.fixedTrancheId, bytes, 'acta.pdf', { criterionId: aya.booleanCriterionId }).expect(201);
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 2] ^= 0xff;
    writeFileSync(blobPath(res.body.sha256), tampered);
    const refused = await t.http.get(`/api/v1/evidence/${res.body.id}/content`).set(bearer(entity)).expect(500);
    expect(refused.headers['content-disposition']).toBeUndefined();
    expect(refused.body.message).toMatch(/integrity/);
  });
});
