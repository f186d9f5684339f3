import { parseFieldSelector } from './parseFieldSelector';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'qa' },
  status: { phase: 'Running' },
};

describe('parseFieldSelector', () => {
  it.each([
    ['', true],
    ['metadata.name=p', true],
    ['metadata.name==p', true],
    ['metadata.name=q', false],
    ['metadata.name!=q', true],
    ['metadata.namespace=qa,status.phase=Running', true],
    ['status.phase!=Running', false],
    ['spec.nodeName=', true],
  ])('%j -> %s', (selector, expected) => {
    expect(parseFieldSelector(selector)(pod)).toBe(expected);
  });

  it('rejects malformed requirements', () => {
    expect(() => parseFieldSelector('metadata.name')).toThrow(
      /invalid field selector/,
    );
  });
});
