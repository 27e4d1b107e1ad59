import { ApiProperty } from '@nestjs/swagger';

export class AliveDto {
  @ApiProperty({ example: 'ok' }) status!: string;
}

/** Each dependency is `up` or `down: <why>`. */
export class ReadinessDto {
  @ApiProperty({ enum: ['ready', 'not ready'] }) status!: string;
  @ApiProperty({ enum: ['redis', 'postgres'] }) queueBackend!: string;
  @ApiProperty({ enum: ['all', 'api', 'worker'] }) role!: string;
  @ApiProperty({ example: 'up' }) database!: string;
  @ApiProperty({ example: 'up' }) queue!: string;
  @ApiProperty({ example: 'up', description: 'the data folder, or the S3 bucket' }) evidenceStore!: string;
}
