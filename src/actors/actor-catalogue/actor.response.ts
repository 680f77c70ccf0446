import type { ActorKind, ActorRole } from '@domain/actors';
import type { ActorView } from './actor.view';

export class ActorRoleResponse implements ActorRole {
  /** Derived from title and start day, e.g. `prime-minister-of-the-united-kingdom-2024-07-05`. */
  roleId!: string;
  title!: string;
  organisation!: string;
  /** First day in the role (YYYY-MM-DD). */
  from!: string;
  /** Last day in the role (YYYY-MM-DD); null while it holds. */
  to!: string | null;
}

export class ActorResponse implements ActorView {
  /** Kebab-case id, e.g. `keir-starmer`. */
  id!: string;
  name!: string;
  kind!: ActorKind;
  /** Other names articles use: "Sir Keir", "the PM". */
  aliases!: string[];
  roles!: ActorRoleResponse[];
  registeredAt!: string;
  updatedAt!: string;
}

export class ActorPageResponse {
  items!: ActorResponse[];
  /** Pass back as `after` for the next page; null on the last one. */
  next!: string | null;
}

/** What an actor write answers: its stream's revision after the write (send it as `If-Match` to guard the next). */
export class ActorWriteResponse {
  actorId!: string;
  revision!: string;
}
