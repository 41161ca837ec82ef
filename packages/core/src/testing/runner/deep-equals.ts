const isObject = (value: unknown): value is object => typeof value === "object" && value !== null;

const entriesOf = (value: object): Array<[string, unknown]> =>
  Object.keys(value).map((key) => [key, Reflect.get(value, key)]);

/**
 * Structural equality as vitest's `toEqual` sees it (`partial`: as `toMatchObject` does): dates by time, arrays
 * element by element, Sets and Maps by their entries, objects by their own keys, keys holding `undefined` ignored.
 */
export function deepEquals(actual: unknown, expected: unknown, partial = false): boolean {
  if (Object.is(actual, expected)) return true;
  if (!isObject(actual) || !isObject(expected)) return false;
  if (actual instanceof Date || expected instanceof Date)
    return actual instanceof Date && expected instanceof Date && actual.getTime() === expected.getTime();
  if (actual instanceof RegExp || expected instanceof RegExp) return String(actual) === String(expected);
  if (actual instanceof Set || actual instanceof Map)
    return deepEquals(
      [...actual],
      expected instanceof Set || expected instanceof Map ? [...expected] : expected,
    );
  if (Array.isArray(actual) || Array.isArray(expected)) {
    if (!Array.isArray(actual) || !Array.isArray(expected) || actual.length !== expected.length) return false;
    return actual.every((item, i) => deepEquals(item, expected[i], partial));
  }
  const wanted = entriesOf(expected).filter(([, value]) => partial || value !== undefined);
  if (!partial) {
    const present = entriesOf(actual).filter(([, value]) => value !== undefined);
    if (present.length !== wanted.length) return false;
  }
  return wanted.every(
    ([key, value]) =>
      (key in actual || value === undefined) && deepEquals(Reflect.get(actual, key), value, partial),
  );
}
