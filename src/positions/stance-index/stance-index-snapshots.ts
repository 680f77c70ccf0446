import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { EVIDENCE_TYPES, STANCES, STATED_AT_PRECISIONS } from '@domain/positions';
import type { UpcastRegistry } from '@domain/shared/upcaster';
import type { SqlClient } from '../../infrastructure/database/sql-client';
import { upcasterFingerprint } from '../../infrastructure/event-store/event-upcasters';
import { comparePositions } from '../../infrastructure/event-store/log-position';

/** A bytea value is read back as hex text of twice its size; parts keep each string far below V8's limit. */
const PART_BYTES = 16 * 1024 * 1024;

/** A stance index's image (StanceIndex.image) after the log up to `position`. */
export type StanceIndexSnapshot = { position: string; versions: number; image: Uint8Array<ArrayBuffer> };

let moduleHash: string | undefined;

/**
 * The images this code writes and can read: the index's own module (its compiled or its source text, hashed: any
 * change to how the index lays out or words what it holds retires older images) and the values it numbers, the byte
 * order, the store's engine (whose positions the image's is one of) and the upcasters (a new one changes the events
 * the index was fed).
 */
export const stanceIndexImageFormat = (engine: string, upcasters: UpcastRegistry): string => {
  moduleHash ??= createHash('sha256')
    .update(readFileSync(require.resolve('./stance-index')))
    .update(JSON.stringify([STANCES, EVIDENCE_TYPES, STATED_AT_PRECISIONS]))
    .digest('hex')
    .slice(0, 16);
  return `${engine}.${endianness()}.${moduleHash}.${upcasterFingerprint(upcasters)}`;
};

type HeaderRow = { log_position: string; versions: string; image_bytes: string; parts: number };

/**
 * The stance index's stored image, in the read-model database whatever the event store (as decider snapshots): one
 * image at a time, the one furthest along the log, in parts of 16 MB.
 */
export class StanceIndexSnapshots {
  constructor(
    private readonly sql: SqlClient,
    private readonly partBytes = PART_BYTES,
  ) {}

  /** Where the stored image of `format` stands, or null. */
  async stored(format: string): Promise<{ position: string; versions: number } | null> {
    const [row] = await this.sql.query<HeaderRow>(
      'SELECT log_position, versions::text FROM stance_index_snapshots WHERE format = $1',
      [format],
    );
    return row ? { position: row.log_position, versions: Number(row.versions) } : null;
  }

  /** The stored image of `format`, read in one snapshot of the database (no part of a later image), or null. */
  read(format: string): Promise<StanceIndexSnapshot | null> {
    return this.sql.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const [header] = await tx.query<HeaderRow>(
        `SELECT log_position, versions::text, image_bytes::text, parts FROM stance_index_snapshots
         WHERE format = $1`,
        [format],
      );
      if (!header) return null;
      const image = new Uint8Array(Number(header.image_bytes));
      let at = 0;
      for (let part = 0; part < header.parts; part++) {
        const [row] = await tx.query<{ bytes: Uint8Array }>(
          'SELECT bytes FROM stance_index_snapshot_parts WHERE format = $1 AND part = $2',
          [format, part],
        );
        if (!row || at + row.bytes.byteLength > image.byteLength)
          throw new Error(`stance index snapshot: part ${part} missing or too long`);
        image.set(row.bytes, at);
        at += row.bytes.byteLength;
      }
      if (at !== image.byteLength) throw new Error('stance index snapshot: parts shorter than the image');
      return { position: header.log_position, versions: Number(header.versions), image };
    });
  }

  /**
   * Stores the image in place of any other (of any format), unless one of its format already stands as far along the
   * log or further: true when stored. Writers take turns (a transaction lock keyed by the schema).
   */
  write(format: string, snapshot: StanceIndexSnapshot): Promise<boolean> {
    const { image } = snapshot;
    return this.sql.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.stance_index_snapshots'))`);
      const [stored] = await tx.query<HeaderRow>(
        'SELECT log_position FROM stance_index_snapshots WHERE format = $1',
        [format],
      );
      if (stored && comparePositions(stored.log_position, snapshot.position) >= 0) return false;
      await tx.query('DELETE FROM stance_index_snapshots');
      const parts = Math.ceil(image.byteLength / this.partBytes);
      await tx.query(
        `INSERT INTO stance_index_snapshots (format, log_position, versions, image_bytes, parts)
         VALUES ($1, $2, $3, $4, $5)`,
        [format, snapshot.position, snapshot.versions, image.byteLength, parts],
      );
      for (let part = 0; part < parts; part++) {
        const start = part * this.partBytes;
        const bytes = Buffer.from(
          image.buffer,
          image.byteOffset + start,
          Math.min(this.partBytes, image.byteLength - start),
        );
        await tx.query('INSERT INTO stance_index_snapshot_parts (format, part, bytes) VALUES ($1, $2, $3)', [
          format,
          part,
          bytes,
        ]);
      }
      return true;
    });
  }
}
