import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from './auth-user.js';

export class LoginDto {
  @ApiProperty({ example: 'analista@demo.tramos.pe' })
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'Tramos-Demo-2026' })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  currentPassword!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword!: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'analista@demo.tramos.pe' }) email!: string;
  @ApiProperty({ example: 'Sectorista DGPP' }) name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) entityId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) fundingProgramId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'DONOR users: every programme of this donor' }) donorId!: string | null;
}

export class LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 900, description: 'seconds' }) expiresIn!: number;
  @ApiProperty({ type: UserView }) user!: UserView;
}
