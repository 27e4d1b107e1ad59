import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { BadInputError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids must be UUIDs; the 400 names the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (!UUID.test(value)) throw new BadInputError(`${meta.data ?? 'id'} must be a UUID`, [{ field: meta.data ?? 'id', problem: 'must be a UUID' }]);
    return value;
  }
}
