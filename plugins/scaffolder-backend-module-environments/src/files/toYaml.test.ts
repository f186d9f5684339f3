import { parse } from 'yaml';
import { toYaml } from './toYaml';

describe('toYaml', () => {
  it.each([
    'on',
    'yes',
    'no',
    'y',
    'Off',
    '1.10',
    '~',
    '*alias',
    '&a',
    '0x1F',
    '010',
    '1e3',
    'null',
  ])(
    'writes the string %j so that a YAML 1.1 reader gets the same string back',
    value => {
      const text = toYaml({ value });
      expect(parse(text, { version: '1.1' })).toEqual({ value });
      expect(parse(text)).toEqual({ value });
    },
  );

  it('keeps a multi-line value inside its scalar', () => {
    const value = 'x\n  namespace: kube-system';
    expect(parse(toYaml({ metadata: { name: value } }))).toEqual({
      metadata: { name: value },
    });
  });

  it('double-quotes image tags and never writes aliases', () => {
    const shared = { kind: 'Deployment' };
    const text = toYaml({ a: shared, b: shared, images: [{ newTag: 'abc' }] });
    expect(text).toContain('newTag: "abc"');
    expect(text).not.toMatch(/[&*]a\d/);
  });
});
