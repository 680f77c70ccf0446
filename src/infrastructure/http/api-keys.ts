import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
    const admin = env.ADMIN_API_KEY ?? ApiKeys.developmentKey(env.DATA_DIR);
    entries.unshift(['admin', admin]);
    this.keys = entries.map(([role, key], index) => ({
      digest: digest(key),
      principal: { name: index === 0 ? 'admin' : `${role}-key-${index}`, role },
    }));
  }

  /**
   * Without ADMIN_API_KEY: a key made once and kept under DATA_DIR (so restarts and HTTP workers share it), or
   * made per run with DATA_DIR=memory://; the log gives the line to export it.
   */
  private static developmentKey(dataDir: string): string {
    const made = randomBytes(24).toString('base64url');
    let key = made;
    let where = 'for this run only (DATA_DIR=memory://)';
    if (dataDir !== 'memory://') {
      const file = join(resolve(dataDir), 'admin-api-key');
      mkdirSync(resolve(dataDir), { recursive: true });
      try {
        writeFileSync(file, made, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        key = readFileSync(file, 'utf8').trim();
      }
      where = `kept in ${file}`;
    }
    new Logger('ApiKeys').warn(
      `ADMIN_API_KEY is not set: the admin key is ${where}. To use it: export ADMIN_API_KEY=${key}`,
    );
    return key;
  }

  find(presented: string): Principal | null {
    const candidate = digest(presented);
    let found: Principal | null = null;
    for (const key of this.keys) if (timingSafeEqual(key.digest, candidate)) found = key.principal;
    return found;
  }
}
