import type { StandInObject } from '../StandInObject';

const REQUIREMENT = /^([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*)$/;

/**
 * Turns a field selector (`metadata.name=x,status.phase!=Running`) into a predicate; any dotted
 * path is accepted, which is more lenient than the API server.
 *
 * @throws Error naming the invalid requirement.
 */
export function parseFieldSelector(
  selector: string,
): (object: StandInObject) => boolean {
  if (selector.trim() === '') return () => true;
  const requirements = selector.split(',').map(part => {
    const match = REQUIREMENT.exec(part.trim());
    if (!match) {
      throw new Error(`invalid field selector requirement '${part}'`);
    }
    return {
      path: match[1].split('.'),
      negated: match[2] === '!=',
      value: match[3],
    };
  });
  return object =>
    requirements.every(r => {
      const actual = valueAt(object, r.path);
      return (String(actual ?? '') === r.value) !== r.negated;
    });
}

function valueAt(object: unknown, path: string[]): unknown {
  let value: unknown = object;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
