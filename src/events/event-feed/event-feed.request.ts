import { PickType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCursor, PageRequest } from '../../infrastructure/http/page.request';

/** A place in the global order, `<transaction or commit>.<position>`, as the feed writes it: no leading zeros. */
const FEED_CURSOR = /^(0|[1-9]\d{0,19})\.(0|[1-9]\d{0,19})$/;

export class EventFeedRequest extends PickType(PageRequest, ['limit'] as const) {
  /** Opaque cursor: an event's `position`, or the `next` of a previous page. */
  @IsOptional()
  @IsCursor(FEED_CURSOR, { message: 'after must be an event position or a next returned by this feed' })
  after?: string;
}
