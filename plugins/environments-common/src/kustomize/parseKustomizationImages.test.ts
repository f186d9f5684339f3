import { KUSTOMIZATION_MAX_BYTES } from './KUSTOMIZATION_MAX_BYTES';
import { KustomizationError } from './KustomizationError';
import { parseKustomizationImages } from './parseKustomizationImages';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

function kustomization(images: string) {
  return `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
images:
${images}`;
}

describe('parseKustomizationImages', () => {
  it('reads every field of every entry', () => {
    const text = kustomization(`  - name: ghcr.io/acme/checkout
    newName: registry.example.com/acme/checkout
    newTag: "1.10"
    digest: ${DIGEST}
  - name: redis
    newTag: '7.2'
`);
    expect(parseKustomizationImages(text)).toEqual([
      {
        name: 'ghcr.io/acme/checkout',
        newName: 'registry.example.com/acme/checkout',
        newTag: '1.10',
        digest: DIGEST,
      },
      { name: 'redis', newTag: '7.2' },
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['only a comment', '# nothing yet\n'],
    ['no images field', 'resources:\n  - ../../base\n'],
    ['an empty images field', 'images:\n'],
    ['an empty images list', 'images: []\n'],
  ])('returns no images for %s', (_, text) => {
    expect(parseKustomizationImages(text)).toEqual([]);
  });

  it.each([
    ['newTag: 1.10', 'number 1.1', 'newTag: "1.10"'],
    ['newTag: 9075807', 'number 9075807', 'newTag: "9075807"'],
    ['newTag: 1e3', 'number 1000', 'newTag: "1e3"'],
    ['newTag: 0x1F', 'number 31', 'newTag: "0x1F"'],
    ['newTag: true', 'boolean true', 'newTag: "true"'],
    ['newTag: yes', 'boolean true by YAML 1.1', 'newTag: "yes"'],
    ['newTag: on', 'boolean true by YAML 1.1', 'newTag: "on"'],
    ['newTag: n', 'boolean false by YAML 1.1', 'newTag: "n"'],
    ['newTag: 1_000', 'number 1000 by YAML 1.1', 'newTag: "1_000"'],
    ['newTag: 0b101', 'number 5 by YAML 1.1', 'newTag: "0b101"'],
    ['newTag: 1:20', 'number 80 by YAML 1.1', 'newTag: "1:20"'],
    ['newTag: ~', 'null', 'newTag: "~"'],
  ])('refuses unquoted %s and says to quote it', (line, readAs, fix) => {
    const text = kustomization(`  - name: app\n    ${line}\n`);
    expect(() => parseKustomizationImages(text)).toThrow(
      `images[0].newTag: ${line.slice(8)} is read as the ${readAs}`.replace(
        'the null',
        'null',
      ),
    );
    expect(() => parseKustomizationImages(text)).toThrow(`quote it: ${fix}`);
  });

  it.each([
    ['quoted', `newTag: "1.10"`, '1.10'],
    ['single-quoted', `newTag: '0e5'`, '0e5'],
    ['explicitly tagged', `newTag: !!str 1.10`, '1.10'],
    ['a plain tag', `newTag: v1.10`, 'v1.10'],
    ['a plain SHA', `newTag: 4f2a9c1`, '4f2a9c1'],
  ])('accepts a %s tag', (_, line, tag) => {
    const text = kustomization(`  - name: app\n    ${line}\n`);
    expect(parseKustomizationImages(text)[0].newTag).toBe(tag);
  });

  it.each([
    [
      'a number as name',
      '  - name: 12\n',
      /images\[0\]\.name: 12 is read as the number 12/,
    ],
    [
      'an empty newTag',
      '  - name: app\n    newTag:\n',
      /images\[0\]\.newTag is empty/,
    ],
    [
      'a list as digest',
      '  - name: app\n    digest: [a]\n',
      /images\[0\]\.digest must be a string/,
    ],
    ['no name', '  - newTag: v1\n', /images\[0\] has no 'name'/],
    ['a scalar entry', '  - app\n', /images\[0\] must be a mapping/],
    ['tagSuffix', '  - name: app\n    tagSuffix: -x\n', /field 'tagSuffix'/],
    ['an invalid tag', '  - name: app\n    newTag: "-x"\n', /newTag '-x'/],
    [
      'a short digest',
      '  - name: app\n    digest: sha256:abc\n',
      /exactly 64 lowercase hex/,
    ],
    [
      'a sha512 digest',
      `  - name: app\n    digest: sha512:${'a'.repeat(128)}\n`,
      /'sha512' is not supported/,
    ],
    ['an uppercase name', '  - name: ACME/App\n', /must be lowercase/],
    [
      'an invalid newName',
      '  - name: app\n    newName: "a b"\n',
      /invalid component 'a b'/,
    ],
    [
      'two entries with the same name',
      '  - name: app\n    newTag: v1\n  - name: app\n    newTag: v2\n',
      /two images entries named 'app'/,
    ],
  ])('refuses %s', (_, images, message) => {
    const text = kustomization(images);
    expect(() => parseKustomizationImages(text)).toThrow(message);
    expect(() => parseKustomizationImages(text)).toThrow(KustomizationError);
  });

  it.each([
    ['images that is not a list', 'images: app\n', /'images' must be a list/],
    ['a list document', '- a\n- b\n', /must be a mapping/],
    ['duplicate keys', 'images: []\nimages: []\n', /Map keys must be unique/],
    [
      'duplicate keys in an entry',
      'images:\n  - name: a\n    newTag: v1\n    newTag: v2\n',
      /Map keys must be unique/,
    ],
    ['a syntax error', 'images: [\n', /not valid YAML/],
    [
      'several documents',
      'images: []\n---\nimages: []\n',
      /several YAML documents/,
    ],
    [
      'a %YAML 1.1 directive',
      '%YAML 1.1\n---\nimages: []\n',
      /'%YAML 1.1' directive/,
    ],
    [
      'an unknown tag',
      'images: !custom []\n',
      /not valid YAML: Unresolved tag/,
    ],
    ['an anchor', 'base: &b app\nimages: []\n', /anchors or aliases/],
    [
      'an alias',
      'x: &t "v1"\nimages:\n  - name: app\n    newTag: *t\n',
      /anchors or aliases/,
    ],
    [
      'a merge key with an alias',
      'd: &d {newTag: v1}\nimages:\n  - <<: *d\n    name: app\n',
      /anchors or aliases/,
    ],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseKustomizationImages(text)).toThrow(message);
  });

  it('accepts an explicit %YAML 1.2 directive', () => {
    expect(
      parseKustomizationImages('%YAML 1.2\n---\nimages:\n  - name: app\n'),
    ).toEqual([{ name: 'app' }]);
  });

  it('refuses a billion-laughs document quickly', () => {
    const lines = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    expect(() => parseKustomizationImages(lines.join('\n'))).toThrow(
      /anchors or aliases/,
    );
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('refuses files over the size limit before parsing them', () => {
    const text = `images: []\n#${'x'.repeat(KUSTOMIZATION_MAX_BYTES)}\n`;
    expect(() => parseKustomizationImages(text)).toThrow(
      /more than the 262144 bytes/,
    );
  });

  it('counts the size in bytes, not characters', () => {
    const text = `images: []\n#${'é'.repeat(KUSTOMIZATION_MAX_BYTES / 2)}\n`;
    expect(() => parseKustomizationImages(text)).toThrow(/bytes/);
  });
});
