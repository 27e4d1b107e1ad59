import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { ALL_EVENTS, EVENT_TYPES } from './events.constants.js';

const SUBSCRIBABLE = [...EVENT_TYPES, ALL_EVENTS];

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://dgpp.example.gob.pe/hooks/tramos', description: 'http(s) URL that receives POSTs' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ enum: SUBSCRIBABLE, isArray: true, example: ['transfer.requested'], description: '`*` subscribes to every event' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsIn(SUBSCRIBABLE, { each: true })
  events!: string[];

  @ApiProperty({ minLength: 16, writeOnly: true, description: 'HMAC-SHA256 key of X-Tramos-Signature; never returned' })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret!: string;
}
