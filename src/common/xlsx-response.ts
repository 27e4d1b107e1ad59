import type { Response } from 'express';
import { attachmentDisposition } from '../evidence/storage/file-name.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook built in memory (templates, exports) as a download under a safe file name. */
export function sendXlsx(res: Response, fileName: string, buffer: Buffer): void {
  res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
  res.setHeader('Content-Disposition', attachmentDisposition(fileName));
  res.send(buffer);
}
