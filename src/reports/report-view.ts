import type { ReportViewDto } from './reports.dto.js';

export const REPORT_COLUMNS = `r.id, r.type, r.status, r.progress, r.lang, r.tranche_id, r.agreement_id, r.filters, r.requested_by, r.error,
  r.input_hash, r.file_size::text AS file_size, r.attempts, r.created_at, r.finished_at`;

export function toReportView(r: Record<string, any>): ReportViewDto {
  return {
    id: r.id, type: r.type, status: r.status, progress: r.progress, lang: r.lang, trancheId: r.tranche_id, agreementId: r.agreement_id,
    filters: r.filters, requestedBy: r.requested_by, error: r.error, inputHash: r.input_hash,
    fileSize: r.file_size === null ? null : Number(r.file_size), attempts: r.attempts, createdAt: r.created_at, finishedAt: r.finished_at,
  };
}

const BASE_NAME: Record<string, Record<string, string>> = {
  FIXED_VERIFICATION: { es: 'informe-verificacion-tramo-fijo', en: 'verification-report-fixed-tranche' },
  VARIABLE_VERIFICATION: { es: 'informe-verificacion-tramo-variable', en: 'verification-report-variable-tranche' },
  PORTFOLIO: { es: 'reporte-cartera', en: 'portfolio-report' },
};

/** A file name safe in any Content-Disposition and file system: ASCII letters, digits, dot, dash, underscore. */
export function reportFileName(r: { type: string; lang: string; agreementCode: string | null; periodCode: string | null; createdAt: Date }): string {
  const parts = [BASE_NAME[r.type]?.[r.lang] ?? 'reporte', r.agreementCode, r.periodCode ?? new Date(r.createdAt).toISOString().slice(0, 10)];
  const name = parts
    .filter((p): p is string => !!p)
    .join('_')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 150);
  return `${name}.xlsx`;
}
