import ExcelJS from 'exceljs';
import type { IncomingMessage } from 'node:http';
import { BadInputError, UnsupportedMediaTypeError } from '../../common/errors.js';
import { XLSX_MEDIA_TYPE } from '../../common/xlsx-response.js';
import type { EvidenceStore } from './evidence-store.js';
import { detectEvidenceType } from './media-type.js';
import { receiveUpload } from './receive-upload.js';

/** A filled template is small; a bigger .xlsx is more likely a mistake (or a zip bomb) than data. */
const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

/**
 * Receives a multipart `file` that must be an .xlsx (told from its bytes), opens it and hands it
 * to `work`; the staged upload is removed whatever happens. Shared by every template import.
 */
export async function withUploadedWorkbook<T>(
  req: IncomingMessage,
  store: EvidenceStore,
  maxBytes: number,
  work: (wb: ExcelJS.Workbook) => Promise<T>,
): Promise<T> {
  const { file } = await receiveUpload(req, store, { maxBytes: Math.min(maxBytes, MAX_WORKBOOK_BYTES), fields: [] });
  try {
    if ((await detectEvidenceType(file.tempPath)) !== XLSX_MEDIA_TYPE) {
      throw new UnsupportedMediaTypeError('Send the filled .xlsx template', [{ field: 'file', problem: 'must be an .xlsx workbook' }]);
    }
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(file.tempPath);
    } catch {
      throw new BadInputError('The workbook cannot be read', [{ field: 'file', problem: 'not a readable .xlsx workbook' }]);
    }
    return await work(wb);
  } finally {
    await store.discard(file.tempPath);
  }
}
