import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import type { Principal, Role } from './principal';

type Key = { digest: Buffer; principal: Principal };

const digest = (key: string): Buffer => createHash('sha256').update(key).digest();

/** Keys from configuration, held only as digests and compared in constant time. */
@Injectable()
export class ApiKeys {
  private readonly keys: Key[];

  constructor({ env }: AppConfig) {
    const entries: [Role, string][] = (env.API_KEYS ?? '')
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => pair.split(':') as [Role, string]);
    let admin = env.ADMIN_API_KEY;
    if (!admin) {
      admin = randomBytes(24).toString('base64url');
      new Logger('ApiKeys').warn(
        `ADMIN_API_KEY is not set; this run's admin key is ${admin} (set ADMIN_API_KEY to choose one).`,
      );
    }
    entries.unshift(['admin', admin]);
    this.keys = entries.map(([role, key], index) => ({
      digest: digest(key),
      principal: { name: index === 0 ? 'admin' : `${role}-key-${index}`, role },
    }));
  }

  find(presented: string): Principal | null {
    const candidate = digest(presented);
    let found: Principal | null = null;
    for (const key of this.keys) if (timingSafeEqual(key.digest, candidate)) found = key.principal;
    return found;
  }
}
