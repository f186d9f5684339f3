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
      `kustomization is at least ${
        KUSTOMIZATION_MAX_BYTES + 13
      } bytes, more than the 65536 bytes Stageline reads`,
    );
  });

  it('counts the size in bytes, not characters', () => {
    const text = `images: []\n#${'é'.repeat(KUSTOMIZATION_MAX_BYTES / 2)}\n`;
    expect(() => parseKustomizationImages(text)).toThrow(/bytes/);
  });

  describe('hostile input', () => {
    /** How long one call takes, after a first call that warms the code up. */
    function timeOfRefusal(text: string) {
      expect(() => parseKustomizationImages(text)).toThrow(KustomizationError);
      const started = performance.now();
      try {
        parseKustomizationImages(text);
      } catch {
        // refused, as checked above
      }
      return performance.now() - started;
    }

    const justOverTheLimit = `images: []\n#${'x'.repeat(
      KUSTOMIZATION_MAX_BYTES - 12,
    )}\n`;
    const billionLaughs = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from({ length: 9 }, (_, i) => {
        const [prev, next] = [i, i + 1].map(n => String.fromCharCode(97 + n));
        return `${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`;
      }),
      'images: []',
    ].join('\n');

    it.each([
      [
        '120,000 nested [ and their ] (240 KB)',
        `${'['.repeat(120_000)}${']'.repeat(120_000)}`,
        'kustomization is at least 240000 bytes, more than the 65536 bytes Stageline reads',
      ],
      [
        'a file just over the size limit',
        justOverTheLimit,
        'kustomization is at least 65537 bytes, more than the 65536 bytes Stageline reads',
      ],
      [
        'a huge string',
        'x'.repeat(10_000_000),
        'kustomization is at least 10000000 bytes, more than the 65536 bytes Stageline reads',
      ],
      [
        '60,000 nested [',
        `images: ${'['.repeat(60_000)}`,
        'kustomization nests collections more than 32 levels deep; Stageline reads at most 32 levels (line 1)',
      ],
      [
        '5,000 nested {',
        `images: ${'{'.repeat(5_000)}`,
        'kustomization nests collections more than 32 levels deep; Stageline reads at most 32 levels (line 1)',
      ],
      [
        '200 levels of block indentation',
        Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}a${i}:`).join(
          '\n',
        ),
        'kustomization nests collections more than 32 levels deep; Stageline reads at most 32 levels (line 33)',
      ],
      [
        '5,000 compact sequences (- - - ...)',
        `images:\n${'- '.repeat(5_000)}a`,
        'kustomization nests collections more than 32 levels deep; Stageline reads at most 32 levels (line 2)',
      ],
      [
        'an alias bomb (billion laughs)',
        billionLaughs,
        'kustomization uses YAML anchors or aliases (& or *), which Stageline does not accept; write the values out (line 1)',
      ],
      [
        'two documents',
        'images: []\n---\nimages:\n  - name: app\n',
        'kustomization holds several YAML documents; it must hold one, as kustomize reads only one (line 2)',
      ],
      [
        '4,000 documents',
        '---\nimages: []\n'.repeat(4_000),
        'kustomization holds several YAML documents; it must hold one, as kustomize reads only one (line 3)',
      ],
      [
        'duplicate keys',
        'images: []\nresources: []\nimages:\n  - name: app\n',
        "kustomization is not valid YAML: Map keys must be unique; 'images' appears twice in the same mapping (line 3)",
      ],
      [
        'thousands of invalid escapes',
        `images: "${'\\q'.repeat(20_000)}"`,
        'kustomization has more than 10000 YAML tokens (keys, values, indentation, indicators, comments, line breaks); Stageline reads at most 10000 (line 1)',
      ],
      [
        'mappings nested on one line',
        `images: ${'a: '.repeat(20_000)}b`,
        "kustomization is not valid YAML: a block collection cannot start on the same line as a key ('a: b: c', 'a: ? b', 'a: - b') (line 1)",
      ],
      [
        'block sequences nested in a flow collection',
        `images: [\n  ${'- '.repeat(20_000)}]`,
        "kustomization is not valid YAML: Block collections are not allowed within flow collections ('- ' or 'a: b: c' inside [ ] or { }) (line 2)",
      ],
      [
        'thousands of unmatched ]',
        `images: []\n${']'.repeat(60_000)}`,
        "kustomization is not valid YAML: ']' closes no '[' (line 2)",
      ],
    ])('refuses %s quickly, with a clear message', (_, text, message) => {
      expect(() => parseKustomizationImages(text)).toThrow(message);
      // Best of three: one timed call would also measure the load of parallel test workers.
      const times = [0, 1, 2].map(() => timeOfRefusal(text));
      expect(Math.min(...times)).toBeLessThan(50);
    });

    it.each([
      [
        '3,000 keys',
        Array.from({ length: 3_000 }, (_, i) => `k${i}: v`).join('\n'),
        1429,
      ],
      ['a flat list of 20,000 items', `images: [${'a,'.repeat(20_000)}]`, 1],
    ])('refuses %s, too many tokens, in bounded time', (_, text, line) => {
      expect(() => parseKustomizationImages(text)).toThrow(
        `kustomization has more than 10000 YAML tokens (keys, values, indentation, indicators, comments, line breaks); Stageline reads at most 10000 (line ${line})`,
      );
      // These are refused only after lexing 10,000 tokens (about 2 ms once the lexer's code is
      // optimized), so a single timed call right after one warm-up would mostly measure the JIT
      // and the load of parallel test workers: the best of three is the bound check.
      const times = [0, 1, 2].map(() => timeOfRefusal(text));
      expect(Math.min(...times)).toBeLessThan(50);
    });

    it('quotes no more than a few words of the file', () => {
      const key = 'k'.repeat(30_000);
      const texts = [
        `images: []\n${key}: 1\n${key}: 2\n`,
        `images: !<${key}> []\n`,
        `images:\n  - name: app\n    newTag: "${key}"\n`,
        `images:\n  - name: app\n    ? ${key}\n    : v\n`,
      ];
      for (const text of texts) {
        expect(() => parseKustomizationImages(text)).toThrow(
          KustomizationError,
        );
        expect(
          messageOf(() => parseKustomizationImages(text)).length,
        ).toBeLessThan(300);
      }
    });
  });

  describe('legitimate input the hostile-input bounds must not refuse', () => {
    it('reads a realistic overlay with patches, comments and quoted brackets', () => {
      const text = `# Production overlay. Generated sections are marked [[[ like this ]]].
---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: checkout-prod
resources:
  - ../../base
  - "hpa[prod].yaml" # a file name with [brackets]
commonLabels: {app.kubernetes.io/part-of: checkout, tier: "{backend}"}
configMapGenerator:
  - name: checkout-config
    literals:
      - 'FLAGS={"beta": [1, 2, {"x": [3]}]}'
      - "PATTERN=^[a-z]+(\\\\[[0-9]+\\\\])?$"
      - UNBALANCED=[[[[{{{{
patches:
  - target:
      kind: Deployment
      name: checkout
    patch: |-
      [
        {"op": "replace", "path": "/spec/replicas", "value": 3},
        {"op": "add", "path": "/metadata/annotations/x", "value": "[[[{{{"}
      ]
  - patch: |
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: checkout
      spec:
        template:
          spec:
            containers:
              - name: checkout
                # an unclosed [ in a comment inside a patch
                resources:
                  limits: {cpu: "1", memory: 512Mi}
  - target: {kind: Service, name: checkout}
    patch: '[{"op": "replace", "path": "/spec/type", "value": "LoadBalancer"}]'
images:
  # [[[ tags are bumped by Stageline ]]]
  - name: ghcr.io/acme/checkout
    newTag: "1.10.3" # {{{
  - name: redis
    newName: registry.example.com/mirror/redis
    newTag: '7.2'
...
`;
      expect(parseKustomizationImages(text)).toEqual([
        { name: 'ghcr.io/acme/checkout', newTag: '1.10.3' },
        {
          name: 'redis',
          newName: 'registry.example.com/mirror/redis',
          newTag: '7.2',
        },
      ]);
    });

    it.each([
      [
        '20 levels of block nesting',
        `${Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}a${i}:`).join(
          '\n',
        )} 1\n`,
      ],
      ['20 nested [', `x: ${'['.repeat(20)}${']'.repeat(20)}\n`],
      [
        '20 levels mixing blocks, sequences and brackets',
        `root:\n${Array.from(
          { length: 6 },
          (_, i) => `${'  '.repeat(i + 1)}- a${i}:`,
        ).join('\n')}\n${'  '.repeat(8)}- {b: [[{c: [d]}]]}\n`,
      ],
      [
        'a 60 KB patch',
        `patches:\n  - patch: |\n${'      # [[[ {{{ \' " padding padding padding padding\n'.repeat(
          1_200,
        )}`,
      ],
      [
        '1,000 configMap literals',
        `configMapGenerator:\n  - name: c\n    literals:\n${Array.from(
          { length: 1_000 },
          (_, i) => `      - K${i}=v`,
        ).join('\n')}\n`,
      ],
    ])('accepts %s', (_, text) => {
      expect(
        parseKustomizationImages(`${text}images:\n  - name: app\n`),
      ).toEqual([{ name: 'app' }]);
    });
  });
});

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}
