import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { BadInputError, RuleViolationError, type ProblemDetail } from '../../common/errors.js';
import { AppConfig } from '../../config/app-config.js';
import { EVIDENCE_STORE, type EvidenceStore } from '../../evidence/storage/evidence-store.js';
import { withUploadedWorkbook } from '../../evidence/storage/uploaded-workbook.js';
import type { AgreementDocument } from '../agreement-document.js';
import { documentOf, snapshotOf, type AgreementView } from '../agreement-view.js';
import { AgreementsService } from '../agreements.service.js';
import { checkDocumentShape } from '../dto/check-document-shape.js';
import { loadWorkbookCatalogue, territoryNames } from './load-catalogue.js';
import { locateProblems, readAgreementWorkbook } from './read-workbook.js';
import { writeAgreementWorkbook } from './write-workbook.js';

/**
 * The agreement as an Excel workbook: the empty template, an agreement exported in its layout,
 * and a filled one drafted through the same path (and rules) as POST /agreements.
 */
@Injectable()
export class AgreementWorkbookService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly config: AppConfig,
    private readonly agreements: AgreementsService,
  ) {}

  async template(): Promise<Buffer> {
    return writeAgreementWorkbook(null, await loadWorkbookCatalogue(this.db.manager));
  }

  async export(id: string, user: AuthUser): Promise<{ fileName: string; buffer: Buffer }> {
    const view = await this.agreements.get(id, user);
    const doc: AgreementDocument = { ...documentOf(snapshotOf(view)), analystIds: view.analysts.map((a) => a.id) };
    const buffer = await writeAgreementWorkbook(doc, await loadWorkbookCatalogue(this.db.manager), {
      title: `${view.code} · ${view.title}`,
      territoryNames: await territoryNames(this.db.manager, view.scope.ubigeos),
    });
    return { fileName: `convenio-${view.code.replace(/[^A-Za-z0-9._-]+/g, '_')}.xlsx`, buffer };
  }

  /** All or nothing: any unreadable cell or broken rule refuses the whole workbook, named as sheet!cell. */
  async import(user: AuthUser, req: IncomingMessage): Promise<AgreementView> {
    return withUploadedWorkbook(req, this.store, this.config.evidenceMaxBytes, async (wb) => {
      const read = readAgreementWorkbook(wb, await loadWorkbookCatalogue(this.db.manager));
      // A cell already named as unreadable is not named again by the shape check of what came of it.
      const named = new Set(read.problems.map((p) => p.field));
      const shape = locateProblems(await shapeProblems(read.doc), read.cells).filter((p) => !named.has(p.field));
      const problems = [...read.problems, ...shape];
      if (problems.length) throw new BadInputError(`The workbook has ${problems.length} problem(s): ${fieldsOf(problems)}`, problems);
      try {
        return await this.agreements.draft(read.doc, user);
      } catch (e) {
        if (!(e instanceof RuleViolationError)) throw e;
        const located = locateProblems(e.details, read.cells);
        throw new RuleViolationError(`The agreement breaks ${located.length} rule(s): ${fieldsOf(located)}`, located);
      }
    });
  }
}

const fieldsOf = (problems: ProblemDetail[]) => problems.map((p) => p.field).join(', ');

/** What the ValidationPipe of POST /agreements would say about the document. */
function shapeProblems(doc: AgreementDocument): Promise<ProblemDetail[]> {
  return checkDocumentShape(doc).then(
    () => [],
    (e: unknown) => {
      if (e instanceof BadInputError) return e.details;
      throw e;
    },
  );
}
