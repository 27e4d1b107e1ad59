/** Metadata of one evidence file (GET /evidence/:id). */
export interface EvidenceView {
  id: string;
  trancheId: string;
  criterionId: string | null;
  indicatorId: string | null;
  version: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export const EVIDENCE_COLUMNS = `ev.id, ev.tranche_id, ev.criterion_id, ev.indicator_id, ev.version, ev.file_name, ev.media_type,
  ev.size::text AS size, ev.sha256, ev.uploaded_by, ev.uploaded_at`;

export const EVIDENCE_SELECT = `SELECT ${EVIDENCE_COLUMNS} FROM evidence ev`;

export function toEvidenceView(r: Record<string, any>): EvidenceView {
  return {
    id: r.id,
    trancheId: r.tranche_id,
    criterionId: r.criterion_id,
    indicatorId: r.indicator_id,
    version: r.version,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size), // bigint column; evidence is bounded far below 2^53
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  };
}
