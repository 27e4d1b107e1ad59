import { ApiProperty } from '@nestjs/swagger';

/** A reported value; ratios travel as plain decimal text. */
export class MeasurementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) criterionId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) indicatorId!: string | null;
  @ApiProperty({ example: 'I1', description: 'the criterion’s or indicator’s code' }) code!: string;
  @ApiProperty({ nullable: true, example: '050101', description: 'district, for indicators measured by district' }) ubigeo!: string | null;
  @ApiProperty({ example: '72.5' }) value!: string;
  @ApiProperty({ nullable: true, example: '145' }) numerator!: string | null;
  @ApiProperty({ nullable: true, example: '200' }) denominator!: string | null;
  @ApiProperty({ nullable: true }) note!: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'evidence files backing the value' }) evidenceIds!: string[];
  @ApiProperty({ format: 'uuid' }) reportedBy!: string;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, description: 'set once a newer value replaced it' }) supersededAt!: string | null;
}

export class MeasurementReportDto {
  @ApiProperty({ description: 'values stored (new or replacing another)' }) changed!: number;
  @ApiProperty({ description: 'values sent again exactly as they were: nothing stored for them' }) unchanged!: number;
  @ApiProperty({ type: [MeasurementDto], description: 'the tranche’s current values after the change' }) items!: MeasurementDto[];
}
