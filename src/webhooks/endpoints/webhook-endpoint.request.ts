import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { DOTTED_ID, KEBAB_ID } from '@domain/shared/ids';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook-event-types';

/** Only the scheme here: the address check (every notation of every refused range) is checkEndpointUrl's. */
const HTTP_URL = /^https?:\/\/\S+$/i;

export class CreateWebhookEndpointRequest {
  /** Where deliveries are POSTed; private and loopback addresses, in any notation, are refused unless WEBHOOKS_ALLOW_CIDRS opens them. */
  @Matches(HTTP_URL, { message: 'url must be an http:// or https:// URL' })
  @Length(1, 2000)
  url!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: WebhookEventType[];

  /** Only these actors (absent: all). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(KEBAB_ID, { each: true, message: 'each of actors must be an actor id such as keir-starmer' })
  actors?: string[];

  /** Only these topics and the topics under them (absent: all). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(DOTTED_ID, {
    each: true,
    message: 'each of topics must be a dotted topic id such as ukraine.nato-membership',
  })
  topics?: string[];

  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;
}

export class UpdateWebhookEndpointRequest {
  @IsOptional()
  @Matches(HTTP_URL, { message: 'url must be an http:// or https:// URL' })
  @Length(1, 2000)
  url?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: WebhookEventType[];

  @IsOptional()
  @IsArray()
  @Matches(KEBAB_ID, { each: true, message: 'each of actors must be an actor id such as keir-starmer' })
  actors?: string[] | null;

  @IsOptional()
  @IsArray()
  @Matches(DOTTED_ID, {
    each: true,
    message: 'each of topics must be a dotted topic id such as ukraine.nato-membership',
  })
  topics?: string[] | null;

  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;

  /** true re-enables an endpoint that was disabled (after 410 Gone or failing too long). */
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
