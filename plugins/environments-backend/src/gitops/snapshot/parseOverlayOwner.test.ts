import { parseOverlayOwner } from './parseOverlayOwner';

describe('parseOverlayOwner', () => {
  it('reads the owning entity and the source repository, normalised', () => {
    expect(
      parseOverlayOwner(
        '# only this entity reads and promotes these overlays\nentity: Component:default/Payments\nsourceRepository: acme/payments\n',
      ),
    ).toEqual({
      entity: 'component:default/payments',
      sourceRepository: 'acme/payments',
    });
    expect(parseOverlayOwner('entity: component:shop/cart')).toEqual({
      entity: 'component:shop/cart',
    });
  });

  it.each([
    ['a short ref', 'entity: payments', /full entity ref/],
    [
      'a ref without a namespace',
      'entity: component:payments',
      /full entity ref/,
    ],
    ['no entity', 'sourceRepository: acme/x', /entity: Required/],
    [
      'another key',
      'entity: component:default/a\nextra: 1',
      /Unrecognized key/,
    ],
    ['a list', '- component:default/a', /Expected object/],
    [
      'duplicate keys',
      'entity: component:default/a\nentity: component:default/b',
      /not valid YAML/,
    ],
    [
      'an alias',
      'x: &a component:default/a\nentity: *a',
      /not plain YAML|Unrecognized/,
    ],
    [
      'a URL as source',
      'entity: component:default/a\nsourceRepository: https://evil/x',
      /owner\/repo/,
    ],
    [
      'a huge file',
      `entity: component:default/a\n#${'x'.repeat(5000)}`,
      /larger than/,
    ],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseOverlayOwner(text)).toThrow(message);
  });
});
