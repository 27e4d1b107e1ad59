import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../auth/auth-user.js';
import { PageQuery } from '../common/pagination.js';

export class CreateUserDto {
  @ApiProperty({ example: 'sectorista2@mef.gob.pe' }) @IsEmail() email!: string;
  @ApiProperty({ example: 'María Quispe' }) @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @ApiPropertyOptional({ format: 'uuid', description: 'required for ENTITY and VERIFIER' }) @IsOptional() @IsUUID() entityId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'DONOR: one programme (or give donorId)' }) @IsOptional() @IsUUID() fundingProgramId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'DONOR: every programme of this donor' }) @IsOptional() @IsUUID() donorId?: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() entityId?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() fundingProgramId?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() donorId?: string;
  @ApiPropertyOptional({ description: 'false disables the user; their tokens stop working at once' }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ minLength: 10 }) @IsOptional() @IsString() @MinLength(10) @MaxLength(200) password?: string;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsString() q?: string;
}
