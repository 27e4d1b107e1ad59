import { fileTypeFromFile } from 'file-type';
import { createReadStream } from 'node:fs';

/** The evidence kinds accepted, by what file-type calls them. Office files are zip containers it tells apart. */
const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  png: 'image/png',
  jpg: 'image/jpeg',
};

export const CSV_MEDIA_TYPE = 'text/csv';
export const ACCEPTED_KINDS = 'PDF, XLSX, DOCX, ODT, ODS, CSV, PNG, JPEG';

/**
 * The media type of a stored upload, found from its bytes (never from its name or the type the
 * client declared), or null when it is not an accepted kind of evidence.
 */
export async function detectEvidenceType(path: string): Promise<string | null> {
  const found = await fileTypeFromFile(path);
  if (found) return ALLOWED[found.ext] ?? null;
  return (await isCsv(path)) ? CSV_MEDIA_TYPE : null;
}

// Text of a table: no NUL or other control characters besides tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * CSV has no magic number: valid UTF-8 text, no control characters, whose first line has a
 * separator (comma, semicolon or tab) and which does not start as markup or a script.
 */
export async function isCsv(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head = '';
  try {
    for await (const chunk of createReadStream(path)) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (CONTROL.test(text)) return false;
      if (head.length < 4096) head += text.slice(0, 4096);
    }
    decoder.decode();
  } catch {
    return false; // not UTF-8
  }
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<') || start.startsWith('#!')) return false;
  const firstLine = start.split(/\r?\n/, 1)[0];
  return /[,;\t]/.test(firstLine);
}
