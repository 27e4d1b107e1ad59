import { ApiProperty } from '@nestjs/swagger';

/** Metadata of one evidence file (GET /evidence/:id). */
export class EvidenceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) trancheId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'the criterion it backs (fixed tranche)' }) criterionId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'the indicator it backs (variable tranche)' }) indicatorId!: string | null;
  @ApiProperty({ description: '1, 2… per criterion or indicator backed: a new upload never overwrites' }) version!: number;
  @ApiProperty({ example: 'informe-cumplimiento.pdf' }) fileName!: string;
  @ApiProperty({ example: 'application/pdf', description: 'found from the bytes, never from the name' }) mediaType!: string;
  @ApiProperty({ description: 'bytes' }) size!: number;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) sha256!: string;
  @ApiProperty({ format: 'uuid' }) uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}
