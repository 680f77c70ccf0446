import type { CopyValue } from './copy-text';
import type { SqlExecutor } from './sql-client';

/**
 * COPY for writes that need more than a plain insert (`ON CONFLICT`, `RETURNING`): the rows are copied into a
 * temporary table shaped like `like`, `statement` runs over it (given its name), and it is dropped. Call it
 * inside a transaction: the temporary table lives on the transaction's connection (and is dropped at commit
 * even if `statement` fails).
 */
export const withStagedRows = async <Row>(
  tx: SqlExecutor,
  like: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
  statement: (staging: string) => string,
): Promise<Row[]> => {
  const staging = `staged_${like.replace(/\W/g, '_')}`;
  await tx.exec(`CREATE TEMP TABLE ${staging} (LIKE ${like}) ON COMMIT DROP`);
  await tx.copyInto(staging, columns, rows);
  const result = await tx.query<Row>(statement(staging));
  await tx.exec(`DROP TABLE ${staging}`);
  return result;
};
