import { ApiProperty } from '@nestjs/swagger';

/** A subscription; its secret is write-only and never answered. */
export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'https://dgpp.example.gob.pe/hooks/tramos' }) url!: string;
  @ApiProperty({ type: [String], example: ['transfer.requested'] }) events!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'the outbox event delivered (X-Tramos-Delivery carries the delivery id)' }) eventId!: string;
  @ApiProperty({ example: 'transfer.requested' }) eventType!: string;
  @ApiProperty({ nullable: true }) subjectId!: string | null;
  @ApiProperty({ enum: ['PENDING', 'DELIVERED', 'FAILED'] }) status!: 'PENDING' | 'DELIVERED' | 'FAILED';
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, description: 'HTTP status of the last answer' }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
