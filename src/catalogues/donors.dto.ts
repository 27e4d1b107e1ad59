import { CodeField, NameField } from './catalogue-fields.js';

export class CreateDonorDto {
  @CodeField('UE') code!: string;
  @NameField('Unión Europea') name!: string;
}
