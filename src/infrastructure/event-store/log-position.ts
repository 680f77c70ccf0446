const POSITION = /^(\d{1,20})\.(\d{1,20})$/;

/** True for a string both adapters could have issued as a position ("<transaction>.<position>", "<commit>.<prepare>"). */
export const isLogPosition = (value: string): boolean => POSITION.test(value);

/**
 * Orders two positions of the global log. Both adapters encode a position as two decimal integers, ordered as a
 * pair: PostgreSQL (transaction id, global position), KurrentDB (commit, prepare). Null is before everything.
 */
export const comparePositions = (a: string | null, b: string | null): number => {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const [, a1, a2] = POSITION.exec(a) ?? ['', '0', '0'];
  const [, b1, b2] = POSITION.exec(b) ?? ['', '0', '0'];
  const major = BigInt(a1) - BigInt(b1);
  if (major !== 0n) return major < 0n ? -1 : 1;
  const minor = BigInt(a2) - BigInt(b2);
  return minor === 0n ? 0 : minor < 0n ? -1 : 1;
};
