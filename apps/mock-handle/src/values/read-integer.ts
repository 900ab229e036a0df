const JAVA_INT_MAX = 2 ** 31 - 1;
const JAVA_INT_MIN = -(2 ** 31);

/**
 * Reads an integer the way the Java servers do: a JSON number loses its fraction, a string must
 * be digits with an optional sign that fit in 32 bits. Undefined for anything else.
 */
export function readInteger(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value !== 'string' || !/^[+-]?\d+$/.test(value)) return undefined;

  const number = Number(value);
  return number >= JAVA_INT_MIN && number <= JAVA_INT_MAX ? number : undefined;
}
