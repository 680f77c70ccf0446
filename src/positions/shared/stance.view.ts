import { type StanceInForce, stanceOfVersion } from '@domain/positions';
import type { StanceTimelineRow } from '../stance-timeline/stance-timeline.row';
import { toTimelineVersion } from '../stance-timeline/stance-timeline.row';

export const toStanceView = (row: StanceTimelineRow): StanceInForce =>
  stanceOfVersion(toTimelineVersion(row));
