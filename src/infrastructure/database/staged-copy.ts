import { asRecords, type CopyValue } from './copy-text';
import type { SqlExecutor } from './sql-client';

/**
 * From this many rows a batch is staged by COPY; below it, one JSON parameter is cheaper: staging takes four
 * statements (create, copy, the write, drop), which a live page of a few events feels as latency, while
 * parsing the JSON only costs more than copying from some hundreds of rows on.
 */
export const STAGE_FROM_ROWS = 200;

/**
 * Rows for writes that need more than a plain insert (`ON CONFLICT`, `RETURNING`): `statement` is given a
 * relation to select the rows from, with the columns and types of the table `like`. A large batch is copied
 * into a temporary table shaped like `like` (dropped after, and at commit in any case: call this inside a
 * transaction, whose connection holds the table); a small one is read from one JSON parameter.
 */
export const withStagedRows = async <Row>(
  tx: SqlExecutor,
  like: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
  statement: (source: string) => string,
): Promise<Row[]> => {
  if (rows.length < STAGE_FROM_ROWS) {
    return tx.query<Row>(statement(`jsonb_populate_recordset(NULL::${like}, $1::jsonb)`), [
      JSON.stringify(asRecords(columns, rows)),
    ]);
  }
  const staging = `staged_${like.replace(/\W/g, '_')}`;
  await tx.exec(`CREATE TEMP TABLE ${staging} (LIKE ${like}) ON COMMIT DROP`);
  await tx.copyInto(staging, columns, rows);
  const result = await tx.query<Row>(statement(staging));
  await tx.exec(`DROP TABLE ${staging}`);
  return result;
};
