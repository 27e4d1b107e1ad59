import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { LocalEvidenceStore } from './local-evidence-store.js';
import { receiveUpload } from './receive-upload.js';

const BOUNDARY = 'xYzBoundary';

/** A chunked multipart request (no Content-Length), fed 64 KiB at a time like a slow client. */
function request(file: Buffer, fields: Record<string, string> = {}): IncomingMessage {
  const req = new PassThrough() as unknown as IncomingMessage & PassThrough;
  req.headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'transfer-encoding': 'chunked' };
  const parts = [
    ...Object.entries(fields).map(([k, v]) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="C:\\\\docs\\\\acta.pdf"\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ];
  const body = Buffer.concat(parts);
  let at = 0;
  const push = () => {
    if (at >= body.length) return req.end();
    req.write(body.subarray(at, (at += 65536)));
    setImmediate(push);
  };
  setImmediate(push);
  return req;
}

describe('receiveUpload: streaming a multipart file to a temporary file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tramos-upload-'));
  const store = new LocalEvidenceStore(dir);
  const temps = () => readdirSync(join(dir, 'evidence', 'tmp'));

  it('hashes and counts the file on the way, and keeps the form fields', async () => {
    const bytes = Buffer.alloc(300_000, 7);
    const { fields, file } = await receiveUpload(request(bytes, { criterionId: 'c-1' }), store, { maxBytes: 300_000, fields: ['criterionId'] });
    expect(fields.get('criterionId')).toBe('c-1');
    expect(file).toMatchObject({ fileName: 'acta.pdf', size: 300_000, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(readFileSync(file.tempPath)).toEqual(bytes);
    await store.discard(file.tempPath);
  });

  it('stops at the first byte over the limit with 413 and leaves no temporary file', async () => {
    const req = request(Buffer.alloc(2_000_000, 1));
    await expect(receiveUpload(req, store, { maxBytes: 300_000, fields: [] })).rejects.toMatchObject({ status: 413 });
    expect(temps()).toEqual([]);
  });

  it('refuses an empty file, a missing file and unknown fields with 400', async () => {
    await expect(receiveUpload(request(Buffer.alloc(0)), store, { maxBytes: 10, fields: [] })).rejects.toMatchObject({
      status: 400, details: [{ field: 'file', problem: 'is empty' }],
    });
    await expect(receiveUpload(request(Buffer.from('a'), { x: '1' }), store, { maxBytes: 10, fields: [] })).rejects.toMatchObject({
      status: 400, details: [{ field: 'x', problem: 'unknown field' }],
    });
    const noFile = new PassThrough() as unknown as IncomingMessage & PassThrough;
    noFile.headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
    noFile.end(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--${BOUNDARY}--\r\n`);
    await expect(receiveUpload(noFile, store, { maxBytes: 10, fields: ['a'] })).rejects.toMatchObject({ status: 400 });
    expect(temps()).toEqual([]);
  });
});
