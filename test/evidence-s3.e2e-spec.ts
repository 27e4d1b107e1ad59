import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../src/bootstrap.js';
import { AppConfig, loadConfig } from '../src/config/app-config.js';
import { S3EvidenceStore } from '../src/evidence/storage/s3-evidence-store.js';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';
import { insertTrancheFixture, type TrancheFixture } from './support/tranche-fixture.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A real-looking PDF, different on every call, `padding` bytes longer than its header. */
const pdf = (padding = 0) =>
  Buffer.concat([Buffer.from(`%PDF-1.7\n% ${randomBytes(8).toString('hex')}\n1 0 obj << /Type /Catalog >> endobj\n`), randomBytes(padding), Buffer.from('\n%%EOF\n')]);
const binary = (res: any, cb: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('evidence files in an S3-compatible bucket (s3rver)', () => {
  let server: S3rver;
  let s3dir: string;
  let endpoint: string;
  let s3: S3Client;
  const bucket = `tramos-ev-${randomBytes(4).toString('hex')}`;
  const s3env = () => ({ S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' });
  let t: TestApp;
  let db: DataSource;
  let dataDir: string;
  let aya: TrancheFixture;
  let entity: string;

  beforeAll(async () => {
    s3dir = mkdtempSync(join(tmpdir(), 'tramos-s3rver-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3dir });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    t = await createTestApp({ S3_BUCKET: bucket, ...s3env() });
    db = t.app.get(DataSource);
    dataDir = t.app.get(AppConfig).dataDir;
    aya = await insertTrancheFixture(db, 'GORE-AYA');
    entity = await t.login('gore.ayacucho@demo.tramos.pe');
  });
  afterAll(async () => {
    await t?.close();
    s3?.destroy();
    await server?.close();
    rmSync(s3dir, { recursive: true, force: true });
  });

  const upload = (file: Buffer, name: string, criterionId = aya.booleanCriterionId) =>
    t.http.post(`/api/v1/tranches/${aya.fixedTrancheId}/evidence`).set(bearer(entity)).field('criterionId', criterionId).attach('file', file, name);
  const download = (id: string) => t.http.get(`/api/v1/evidence/${id}/content`).set(bearer(entity)).buffer(true).parse(binary);
  const objectKey = (sha: string) => `evidence/${sha.slice(0, 2)}/${sha}`;
  /** Every object of the bucket whose key starts with `prefix`. */
  const objects = async (prefix: string) =>
    ((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => ({ key: o.Key, size: o.Size }));
  const tempFiles = () => readdirSync(join(dataDir, 'evidence', 'tmp'));

  it('streams an upload to the bucket under its SHA-256 address and gives back the same bytes', async () => {
    const bytes = pdf(3 * 1024 * 1024); // several chunks of the streamed upload
    const res = await upload(bytes, 'acta.pdf').expect(201);
    expect(res.body).toMatchObject({ size: bytes.length, sha256: sha256(bytes), mediaType: 'application/pdf' });
    expect(await objects(objectKey(sha256(bytes)))).toEqual([{ key: objectKey(sha256(bytes)), size: bytes.length }]);
    const [blob] = await db.query('SELECT storage_key FROM evidence_blobs WHERE sha256 = $1', [sha256(bytes)]);
    expect(blob.storage_key).toBe(`s3:${objectKey(sha256(bytes))}`);
    expect(tempFiles()).toEqual([]);

    const content = await download(res.body.id).expect(200);
    expect(content.headers['content-length']).toBe(String(bytes.length));
    expect(Buffer.compare(content.body, bytes)).toBe(0);
  });

  it('keeps the same bytes uploaded twice as one object and two versions of the evidence', async () => {
    const bytes = pdf(1000);
    const first = await upload(bytes, 'informe.pdf', aya.atLeastCriterionId).expect(201);
    const second = await upload(bytes, 'informe (copia).pdf', aya.atLeastCriterionId).expect(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect([first.body.version, second.body.version]).toEqual([1, 2]);
    expect(await objects(objectKey(sha256(bytes)))).toHaveLength(1);
    expect((await db.query('SELECT count(*)::int AS n FROM evidence_blobs WHERE sha256 = $1', [sha256(bytes)]))[0].n).toBe(1);
    expect((await download(second.body.id).expect(200)).body).toEqual(bytes);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses a renamed executable with 415 and leaves no object and no temporary file', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03'), randomBytes(4096)]);
    await upload(exe, 'informe.pdf').expect(415);
    expect(await objects(objectKey(sha256(exe)))).toEqual([]);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses to serve an object changed or removed in the bucket', async () => {
    const bytes = pdf();
    const res = await upload(bytes, 'acta.pdf').expect(201);
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 2] ^= 0xff;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey(res.body.sha256), Body: tampered }));
    const refused = await t.http.get(`/api/v1/evidence/${res.body.id}/content`).set(bearer(entity)).expect(500);
    expect(refused.headers['content-disposition']).toBeUndefined();
    expect(refused.body.message).toMatch(/integrity/);

    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(res.body.sha256) }));
    const gone = await t.http.get(`/api/v1/evidence/${res.body.id}/content`).set(bearer(entity)).expect(500);
    expect(gone.body.message).toMatch(/integrity/);
  });

  it('never replaces an object already at the address', async () => {
    const store = new S3EvidenceStore(mkdtempSync(join(tmpdir(), 'tramos-s3-store-')), loadConfig({ S3_BUCKET: bucket, ...s3env() }).s3!);
    const bytes = pdf();
    const key = objectKey(sha256(bytes));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, Metadata: { first: 'yes' } }));
    const temp = store.tempPath();
    writeFileSync(temp, bytes);
    expect(await store.keep(temp, sha256(bytes))).toBe(`s3:${key}`);
    expect((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Metadata).toEqual({ first: 'yes' });
    expect(readdirSync(join(store.tempPath(), '..'))).toEqual([]);
    store.onModuleDestroy();
  });

  it('still reads evidence kept on local disk before the bucket was configured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tramos-s3-store-'));
    const store = new S3EvidenceStore(dir, loadConfig({ S3_BUCKET: bucket, ...s3env() }).s3!);
    const bytes = pdf();
    const sha = sha256(bytes);
    mkdirSync(join(dir, 'evidence', 'blobs', sha.slice(0, 2)), { recursive: true });
    writeFileSync(join(dir, 'evidence', 'blobs', sha.slice(0, 2), sha), bytes);
    const blob = await store.open(`blobs/${sha.slice(0, 2)}/${sha}`);
    const chunks: Buffer[] = [];
    for await (const c of blob.read()) chunks.push(c as Buffer);
    await blob.close();
    expect(Buffer.concat(chunks)).toEqual(bytes);
    await expect(store.open(`s3:evidence/00/${sha}`)).rejects.toThrow(/not an S3 evidence key/);
    store.onModuleDestroy();
  });

  it('does not start when S3_BUCKET names a bucket that does not exist', async () => {
    const missing = `tramos-missing-${randomBytes(4).toString('hex')}`;
    const config = loadConfig({
      NODE_ENV: 'test', DATA_DIR: mkdtempSync(join(tmpdir(), 'tramos-test-')), LOG_LEVEL: 'error', SCHEDULER_CRON: '0 0 1 1 *',
      QUEUE_PREFIX: `${process.env.TEST_RUN_ID}`, S3_BUCKET: missing, ...s3env(),
    });
    const app = await createHttpApp(config, t.databaseUrl);
    try {
      await expect(app.init()).rejects.toThrow(`S3_BUCKET "${missing}" does not exist at ${endpoint}`);
    } finally {
      await app.close();
    }
  });

  it('is ready while the bucket answers, and says why not when it is gone', async () => {
    expect((await t.http.get('/health/ready').expect(200)).body).toMatchObject({ status: 'ready', evidenceStore: 'up' });
    for (const o of await objects('')) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: o.key! }));
    await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    const down = await t.http.get('/health/ready').expect(503);
    expect(down.body).toMatchObject({ status: 'not ready', evidenceStore: `down: S3_BUCKET "${bucket}" does not exist at ${endpoint}` });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await t.http.get('/health/ready').expect(200);
  });
});
