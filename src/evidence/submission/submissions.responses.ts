import { ApiProperty } from '@nestjs/swagger';

/** One informe de cumplimiento as sent. */
export class SubmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) trancheId!: string;
  @ApiProperty({ description: '1 for the first informe, 2 for the one answering the first observations…' }) ordinal!: number;
  @ApiProperty({ format: 'uuid' }) submittedBy!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({
    type: 'object', additionalProperties: true,
    description: 'what was sent, frozen: the current values and every evidence file with its SHA-256',
  })
  snapshot!: unknown;
}
