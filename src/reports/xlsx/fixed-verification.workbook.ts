import type { CriterionResult, FixedTrancheStatus } from '../../compliance/index.js';
import { type Cell, decimalOrText, isoDate, limaTime, percentAsFraction, decimal, soles } from './cell-values.js';
import {
  backgroundSheet, metadataSheet, ruleLabel, summarySheet, verificationMetadata, verificationSubtitle, yesNo,
} from './common-sheets.js';
import type { Labels } from './labels.js';
import type { ReportBook } from './report-book.js';
import type { FixedReportData, ObservationRow } from './report-data.js';
import { type Row, StrongRow, writeSheet } from './report-sheet.js';

export function decisionLabel(L: Labels, status: FixedTrancheStatus): string {
  switch (status) {
    case 'MET':
      return L.decisionMet;
    case 'NOT_MET':
      return L.decisionNotMet;
    case 'PARTIALLY_MET':
      return L.decisionPartial;
    default:
      return L.decisionPending;
  }
}

/**
 * Informe de verificación – tramo fijo (directive 002-2014-EF/50.01): Resumen, Antecedentes,
 * Información remitida, Compromisos, Conclusiones, Metadatos. Every amount and level is the
 * frozen one from verification.
 */
export async function writeFixedVerification(book: ReportBook, d: FixedReportData): Promise<void> {
  const L = book.labels;
  const t = d.meta.tranche;
  const r = d.result;
  const title = L.titleFixed;
  const subtitle = verificationSubtitle(d.background, d.meta);

  await writeSheet(book, summarySheet(book, title, subtitle, d.background, d.meta, [
    { label: L.rule, value: ruleLabel(L, r.rule) },
    { label: L.programmedAmount, value: soles(r.trancheAmount), fmt: 'money' },
    { label: L.compliance, value: percentAsFraction(r.compliancePct), fmt: 'percent' },
    { label: L.decision, value: decisionLabel(L, r.status) },
    { label: L.amountToTransfer, value: soles(t.verifiedAmount), fmt: 'money' },
    { label: L.unpaidBalance, value: soles(r.unpaid), fmt: 'money' },
  ], r.explanation));

  await writeSheet(book, backgroundSheet(book, title, subtitle, d.background));

  await writeSheet(book, {
    name: L.sheetSubmitted,
    title,
    subtitle,
    blocks: [
      {
        kind: 'table',
        caption: L.submissionsCaption,
        columns: [
          { header: L.submissionNumber, fmt: 'integer' },
          { header: L.submittedAt, fmt: 'datetime' },
          { header: L.submittedBy, fmt: 'text' },
        ],
        rows: d.submissions.map((s) => [s.ordinal, limaTime(s.submittedAt), s.submittedBy]),
        empty: L.noRows,
      },
      {
        kind: 'table',
        caption: L.evidenceCaption,
        filter: true,
        columns: [
          { header: L.fileName, fmt: 'text' },
          { header: L.mediaType, fmt: 'text' },
          { header: L.size, fmt: 'integer' },
          { header: L.sha256, fmt: 'text' },
          { header: L.uploadedAt, fmt: 'datetime' },
          { header: L.uploadedBy, fmt: 'text' },
          { header: L.version, fmt: 'integer' },
          { header: L.backs, fmt: 'text' },
        ],
        rows: d.evidence.map((e) => [e.fileName, e.mediaType, e.size, e.sha256, limaTime(e.uploadedAt), e.uploadedBy, e.version, e.backs]),
        empty: L.noRows,
      },
      {
        kind: 'table',
        caption: L.observationsCaption,
        columns: [
          { header: L.item, fmt: 'text' },
          { header: L.observation, fmt: 'wrap' },
          { header: L.deadline, fmt: 'date' },
          { header: L.issuedAt, fmt: 'datetime' },
          { header: L.answer, fmt: 'wrap' },
          { header: L.answeredAt, fmt: 'datetime' },
        ],
        rows: d.observations.map((o) => [o.itemCode, o.text, isoDate(o.deadline), limaTime(o.issuedAt), o.answer, limaTime(o.answeredAt)]),
        empty: L.noRows,
      },
    ],
  });

  await writeSheet(book, {
    name: L.sheetCommitments,
    title,
    subtitle,
    notes: [L.explanationsInSpanish],
    blocks: [{
      kind: 'table',
      filter: true,
      columns: [
        { header: L.level, fmt: 'text' },
        { header: L.code, fmt: 'text' },
        { header: L.description, fmt: 'wrap' },
        { header: L.criterionKind, fmt: 'text' },
        { header: L.unit, fmt: 'text' },
        { header: L.weight, fmt: 'percent' },
        { header: L.requiredLevel, fmt: 'number' },
        { header: L.reportedValue, fmt: 'number' },
        { header: L.acceptedValue, fmt: 'number' },
        { header: L.met, fmt: 'text' },
        { header: L.compliance, fmt: 'percent' },
        { header: L.processAmount, fmt: 'money' },
        { header: L.observations, fmt: 'wrap' },
        { header: L.answers, fmt: 'wrap' },
        { header: L.explanation, fmt: 'wrap' },
      ],
      rows: commitmentRows(L, d),
    }],
  });

  await writeSheet(book, {
    name: L.sheetConclusions,
    title,
    subtitle,
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: L.decision, value: decisionLabel(L, r.status) },
          { label: L.compliance, value: percentAsFraction(r.compliancePct), fmt: 'percent' },
          { label: L.programmedAmount, value: soles(r.trancheAmount), fmt: 'money' },
          { label: L.amountToTransfer, value: soles(t.verifiedAmount), fmt: 'money' },
        ],
      },
      { kind: 'text', paragraphs: [{ label: L.conclusions, text: t.conclusions }, { label: L.recommendations, text: t.recommendations }] },
    ],
  });

  await writeSheet(book, metadataSheet(book, title, d.meta, verificationMetadata(L, d.background, d.meta)));
}

/** Process → subprocess → criterion, each criterion with its values, result and observations. */
function commitmentRows(L: Labels, d: FixedReportData): Row[] {
  const byItem = new Map<string, ObservationRow[]>();
  for (const o of d.observations) if (o.itemId) byItem.set(o.itemId, [...(byItem.get(o.itemId) ?? []), o]);
  const status = (met: boolean | null) => (met === null ? L.pendingValue : yesNo(L, met));
  const rows: Row[] = [];
  for (const p of d.result.processes) {
    rows.push(new StrongRow([
      L.levelProcess, p.code, p.name, null, null, decimal(p.weight), null, null, null, status(p.met), percentAsFraction(p.compliancePct),
      soles(p.amount), null, null, null,
    ]));
    for (const s of p.subprocesses) {
      rows.push([L.levelSubprocess, s.code, s.name, null, null, decimal(s.weight), null, null, null, status(s.met), percentAsFraction(s.compliancePct),
        null, null, null, null]);
      for (const c of s.criteria) {
        const observations = byItem.get(c.id) ?? [];
        rows.push([
          L.levelCriterion, c.code, c.name, criterionKind(L, c.kind), c.unit ?? null, decimal(c.weight),
          levelValue(L, c.requiredLevel), levelValue(L, d.reported.get(c.id) ?? null), levelValue(L, c.acceptedValue),
          c.status === 'PENDING' ? L.pendingValue : yesNo(L, c.status === 'MET'), null, null,
          bullets(observations.map((o) => `${o.text} (${L.deadline}: ${o.deadline})`)),
          bullets(observations.flatMap((o) => (o.answer ? [o.answer] : []))),
          c.explanation,
        ]);
      }
    }
  }
  return rows;
}

const criterionKind = (L: Labels, kind: CriterionResult['kind']): string =>
  kind === 'BOOLEAN' ? L.criterionBoolean : kind === 'AT_LEAST' ? L.criterionAtLeast : L.criterionAtMost;

/** A level or value: yes/no for BOOLEAN criteria ("true"/"false" or a boolean), a number otherwise. */
function levelValue(L: Labels, v: string | boolean | null): Cell {
  if (v === null) return null;
  if (typeof v === 'boolean' || v === 'true' || v === 'false') return yesNo(L, v === true || v === 'true');
  return decimalOrText(v);
}

const bullets = (items: string[]): string | null => (items.length ? items.map((i) => `• ${i}`).join('\n') : null);
