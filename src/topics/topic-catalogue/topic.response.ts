import type { TopicView } from './topic.view';

export class TopicResponse implements TopicView {
  /** Dotted id, e.g. `ukraine.security-guarantees.us`; its parent is the id without the last segment. */
  id!: string;
  parentId!: string | null;
  title!: string;
  /** The proposition with a fixed direction: `support` means agreeing with it. */
  proposition!: string;
  registeredAt!: string;
  updatedAt!: string;
}

export class TopicPageResponse {
  items!: TopicResponse[];
  /** Pass back as `after` for the next page; null on the last one. */
  next!: string | null;
}

export class TopicWriteResponse {
  topicId!: string;
  revision!: string;
}
