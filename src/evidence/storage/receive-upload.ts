import busboy from 'busboy';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BadInputError, PayloadTooLargeError, type ProblemDetail } from '../../common/errors.js';
import type { EvidenceStore } from './evidence-store.js';
import { cleanFileName } from './file-name.js';

/** A file received whole into a temporary file: its SHA-256 and size counted on the way in. */
export interface ReceivedFile {
  tempPath: string;
  fileName: string;
  size: number;
  sha256: string;
}

export interface ReceivedUpload {
  fields: Map<string, string>;
  file: ReceivedFile;
}

/** Multipart framing tolerated above the file limit before a declared Content-Length is refused unread. */
const MULTIPART_SLACK = 64 * 1024;

/**
 * Streams a `multipart/form-data` request with one part `file` into a temporary file of the
 * store, hashing and counting it as it goes: memory holds stream buffers, never the file. More
 * than `maxBytes` → 413 at once (the rest of the request is read and dropped so the client gets
 * the answer), the temporary file removed. Empty file, no file, unknown or oversized fields → 400.
 * On success the caller owns the temporary file (keep or discard it).
 */
export function receiveUpload(
  req: IncomingMessage,
  store: EvidenceStore,
  opts: { maxBytes: number; fields: readonly string[] },
): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    const problems: ProblemDetail[] = [];
    let tempPath: string | null = null;
    let writing: Promise<ReceivedFile> | null = null;
    let settled = false;
    let parser: ReturnType<typeof busboy> | null = null;
    let incoming: Readable | null = null;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      if (parser) req.unpipe(parser);
      req.resume(); // drain what the client is still sending, so it reads the answer
      incoming?.destroy(); // ends the write in progress, which then removes its temporary file too
      // Answer once the temporary file is gone, so nothing of a refused upload outlives the request.
      void (tempPath ? store.discard(tempPath) : Promise.resolve()).catch(() => undefined).then(() => reject(error));
    };
    const tooLarge = () =>
      new PayloadTooLargeError(`The file is larger than ${opts.maxBytes} bytes`, [{ field: 'file', problem: `at most ${opts.maxBytes} bytes` }]);

    if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
      return fail(new BadInputError('Send the file as multipart/form-data', [{ field: 'file', problem: 'expected multipart/form-data' }]));
    }
    if (Number(req.headers['content-length'] ?? 0) > opts.maxBytes + MULTIPART_SLACK) return fail(tooLarge());
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8', // browsers send UTF-8 file names unencoded
        // Room for a few unknown fields, so they are named as such; beyond that the body is refused.
        limits: { files: 1, fields: opts.fields.length + 4, fieldSize: 1024, parts: opts.fields.length + 5 },
      });
    } catch (e) {
      return fail(new BadInputError('Malformed multipart request', [{ field: 'file', problem: (e as Error).message }]));
    }

    parser.on('field', (name, value, info) => {
      if (!opts.fields.includes(name)) problems.push({ field: name, problem: 'unknown field' });
      else if (info.valueTruncated) problems.push({ field: name, problem: 'too long' });
      else fields.set(name, value.trim());
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || writing) {
        problems.push({ field: name, problem: name === 'file' ? 'send one file' : 'unknown file field; send the file as "file"' });
        stream.resume();
        return;
      }
      incoming = stream;
      const path = (tempPath = store.tempPath());
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > opts.maxBytes) return done(tooLarge());
          hash.update(chunk);
          done(null, chunk);
        },
      });
      writing = (async () => {
        // flush: fsync before close — the blob row will point at these bytes, they must be on disk.
        await pipeline(stream, meter, createWriteStream(path, { flags: 'wx', flush: true }));
        return { tempPath: path, fileName: cleanFileName(info.filename), size, sha256: hash.digest('hex') };
      })();
      writing.catch((e) => {
        void store.discard(path);
        fail(e);
      });
    });
    parser.on('filesLimit', () => problems.push({ field: 'file', problem: 'send one file' }));
    parser.on('partsLimit', () => problems.push({ field: 'file', problem: 'too many parts' }));
    parser.on('fieldsLimit', () => problems.push({ field: 'file', problem: 'too many fields' }));
    parser.on('error', (e) => fail(new BadInputError('Malformed multipart request', [{ field: 'file', problem: e.message }])));
    parser.on('close', () => {
      void (async () => {
        if (!writing) return fail(new BadInputError('No file received', [{ field: 'file', problem: 'is required' }, ...problems]));
        try {
          const file = await writing;
          if (problems.length) return fail(new BadInputError('Invalid upload', problems));
          if (file.size === 0) return fail(new BadInputError('The file is empty', [{ field: 'file', problem: 'is empty' }]));
          settled = true;
          resolve({ fields, file });
        } catch (e) {
          fail(e);
        }
      })();
    });
    req.on('aborted', () => fail(new BadInputError('The upload was interrupted', [{ field: 'file', problem: 'incomplete' }])));
    req.on('error', (e) => fail(e));
    req.pipe(parser);
  });
}
