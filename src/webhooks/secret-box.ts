import { Injectable, Logger } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppConfig } from '../config/app-config';

const VERSION = 'v1';

/**
 * Endpoint secrets are stored sealed (AES-256-GCM) with a key that is not in the database, so a dump alone
 * cannot sign: WEBHOOKS_ENCRYPTION_KEY, or else a key file created under DATA_DIR on first use.
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer;

  constructor({ env }: AppConfig) {
    this.key = env.WEBHOOKS_ENCRYPTION_KEY
      ? Buffer.from(env.WEBHOOKS_ENCRYPTION_KEY, 'base64')
      : SecretBox.keyFile(env.DATA_DIR);
  }

  private static keyFile(dataDir: string): Buffer {
    if (dataDir === 'memory://') return randomBytes(32);
    const file = join(resolve(dataDir), 'webhooks.key');
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
      chmodSync(file, 0o600);
      new Logger('SecretBox').warn(
        `created ${file}; several instances must share one WEBHOOKS_ENCRYPTION_KEY instead`,
      );
    }
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      sealed.toString('base64'),
    ].join(':');
  }

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split(':');
    if (version !== VERSION) throw new Error(`unknown sealed secret version ${version}`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** A Standard Webhooks secret: whsec_ and 24 random bytes in base64. */
  static newSecret(): string {
    return `whsec_${randomBytes(24).toString('base64')}`;
  }
}
