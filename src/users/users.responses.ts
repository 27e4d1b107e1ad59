import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../auth/auth-user.js';

/** A user as the ADMIN manages it (the password hash never leaves the database). */
export class UserAccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'sectorista2@mef.gob.pe', description: 'kept in lower case' }) email!: string;
  @ApiProperty({ example: 'María Quispe' }) name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'ENTITY and VERIFIER users' }) entityId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'DONOR users of one programme' }) fundingProgramId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'DONOR users of every programme of a donor' }) donorId!: string | null;
  @ApiProperty({ description: 'false: disabled, its tokens no longer work' }) active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
