import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { BadInputError } from '../../common/errors.js';
import { flattenValidationErrors } from '../../common/validation.js';
import type { AgreementDocument } from '../agreement-document.js';
import { AgreementDocumentDto } from './agreement-document.dto.js';

/**
 * The global ValidationPipe's check of a document, for callers that do not come through HTTP
 * (the demo loader), so their documents pass exactly what a POST would.
 */
export async function checkDocumentShape(doc: AgreementDocument): Promise<void> {
  const errors = await validate(plainToInstance(AgreementDocumentDto, doc), { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const details = flattenValidationErrors(errors);
    throw new BadInputError(`Invalid agreement ${doc.code}: ${details.map((d) => d.field).join(', ')}`, details);
  }
}
