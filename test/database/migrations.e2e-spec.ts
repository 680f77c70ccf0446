import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../src/infrastructure/database/migrator';
import { PgliteSqlClient } from '../../src/infrastructure/database/pglite-sql-client';
import { projectRoot } from '../../src/infrastructure/project-root';

describe('migrations', () => {
  it('applies every file once, in order, and refuses to run when an applied file changed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync(join(projectRoot(), 'migrations'), folder, { recursive: true });
    const files = readdirSync(folder).sort();
    const sql = await PgliteSqlClient.open(undefined, 'public');
    try {
      expect(await migrate(sql, 'public', folder)).toEqual(files);
      expect(await migrate(sql, 'public', folder)).toEqual([]);
      writeFileSync(join(folder, '9999_add_note.sql'), 'CREATE TABLE notes (id int);');
      expect(await migrate(sql, 'public', folder)).toEqual(['9999_add_note.sql']);
      writeFileSync(join(folder, files[0]), '-- edited after it was applied\n');
      await expect(migrate(sql, 'public', folder)).rejects.toThrow(
        `Migration ${files[0]} was changed after it was applied`,
      );
    } finally {
      await sql.close();
    }
  });
});
