import type { CopyValue } from '../database/copy-text';

/**
 * One column of a read-model table: its SQL type as information_schema reports it, whether it takes NULL, and how
 * a value is written from the projection's source object (`null` encoder: the database fills it, e.g. an identity).
 * `Read` is the type a query returns for it.
 */
export type Column<Source, Read> = {
  readonly sqlType: string;
  readonly nullable: boolean;
  readonly encode: ((source: Source) => CopyValue) | null;
  /** Never set: carries the read type to RowOf. */
  readonly read?: Read;
};

const column =
  <Write extends CopyValue, Read>(sqlType: string, nullable: boolean) =>
  <Source>(encode: (source: Source) => Write): Column<Source, Read> => ({ sqlType, nullable, encode });

/** Text read back as the very strings written (a union such as Stance stays that union). */
const typedText =
  <Nullable extends boolean>(nullable: Nullable) =>
  <T extends string | (Nullable extends true ? null : never), Source>(
    encode: (source: Source) => T,
  ): Column<Source, T> => ({ sqlType: 'text', nullable, encode });

/** Column kinds, each with the value type it accepts on write and the type it reads back as. */
export const col = {
  text: typedText(false),
  textOrNull: typedText(true),
  bigint: column<string | number, string | number>('bigint', false),
  integer: column<number, number>('integer', false),
  integerOrNull: column<number | null, number | null>('integer', true),
  double: column<number, number>('double precision', false),
  doubleOrNull: column<number | null, number | null>('double precision', true),
  boolean: column<boolean, boolean>('boolean', false),
  timestamptz: column<string | Date, Date>('timestamp with time zone', false),
  timestamptzOrNull: column<string | Date | null, Date | null>('timestamp with time zone', true),
  date: column<string, Date | string>('date', false),
  dateOrNull: column<string | null, Date | string | null>('date', true),
  jsonb: <T extends object, Source>(encode: (source: Source) => T): Column<Source, T> => ({
    sqlType: 'jsonb',
    nullable: false,
    encode,
  }),
  identity: <Source>(): Column<Source, string | number> => ({
    sqlType: 'bigint',
    nullable: false,
    encode: null,
  }),
};

type Columns<Source> = Readonly<Record<string, Column<Source, unknown>>>;

export type Table<Source, C extends Columns<Source>> = {
  readonly name: string;
  readonly columns: C;
  /** The columns a write supplies, in the order `encode` gives their values (the COPY column list). */
  readonly written: readonly (keyof C & string)[];
  /** One source object as the values of `written`, in order. */
  readonly encode: (source: Source) => CopyValue[];
};

/** A row of the table as a query returns it, derived from the same definition. */
export type RowOf<T> =
  T extends Table<infer _Source, infer C>
    ? { [K in keyof C]: C[K] extends Column<never, infer R> ? R : never }
    : never;

/**
 * A read-model table described once: the column list of its writes, the row encoder and the row type all follow
 * from this definition, so a column and its value cannot drift apart (the schema itself lives in migrations/; a
 * test compares the two).
 */
export const table =
  <Source>(name: string) =>
  <C extends Columns<Source>>(columns: C): Table<Source, C> => {
    const written = Object.keys(columns).filter((key) => columns[key].encode !== null);
    const encoders = written.map((key) => columns[key].encode as (source: Source) => CopyValue);
    return {
      name,
      columns,
      written,
      encode: (source) => encoders.map((encode) => encode(source)),
    };
  };
