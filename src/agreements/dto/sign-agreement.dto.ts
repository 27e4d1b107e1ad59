import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsDay } from './formats.js';

export class SignAgreementDto {
  @ApiProperty({ example: 'CAP-0012-2010-EF/50.01', description: 'number of the signed convenio' }) @IsString() @Length(1, 100) number!: string;
  @ApiProperty({ example: '2010-06-15' }) @IsDay() signedOn!: string;
}
