import type { StandInObject } from '../StandInObject';
import { watchEventFor } from './watchEventFor';

const obj = (labels: Record<string, string>): StandInObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels },
});
const matches = (o: StandInObject) => o.metadata.labels?.app === 'x';

describe('watchEventFor', () => {
  it.each([
    ['ADDED', undefined, { app: 'x' }, 'ADDED'],
    ['ADDED', undefined, { app: 'y' }, undefined],
    ['MODIFIED', { app: 'x' }, { app: 'x' }, 'MODIFIED'],
    ['MODIFIED', { app: 'y' }, { app: 'x' }, 'ADDED'],
    ['MODIFIED', { app: 'x' }, { app: 'y' }, 'DELETED'],
    ['MODIFIED', { app: 'y' }, { app: 'y' }, undefined],
    ['DELETED', { app: 'x' }, { app: 'x' }, 'DELETED'],
    ['DELETED', { app: 'y' }, { app: 'y' }, undefined],
  ] as const)('%s from %j to %j -> %s', (type, before, after, expected) => {
    const event = {
      resourceVersion: 1,
      type,
      object: obj(after),
      previous: before && obj(before),
    };
    expect(watchEventFor(event, matches)?.type).toBe(expected);
  });
});
