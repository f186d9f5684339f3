import { parse, parseDocument } from 'yaml';
import { KustomizationError } from './KustomizationError';
import { parseKustomizationImages } from './parseKustomizationImages';
import { setKustomizationImage } from './setKustomizationImage';

const NAME = 'ghcr.io/acme/checkout';
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const OLD_DIGEST = `sha256:${'f'.repeat(64)}`;

// Deliberately irregular: 4-space lists, extra spaces before comments, blank lines.
const OVERLAY = `# Overlay for qa: owned by team checkout
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization   # kustomize reads this

resources:
    - ../../base    # shared base
namespace: qa
images:
  # checkout is promoted by Stageline
  - name: ${NAME}
    newTag: "1.10"
    digest: ${OLD_DIGEST}
  - name: redis   # pinned by hand
    newTag: '7.2'

# patches come last
patches:
  - path: replicas.yaml
`;

function linesOutside(text: string, from: string, to: string) {
  const lines = text.split('\n');
  const start = lines.findIndex(l => l.includes(from));
  const end = lines.findIndex((l, i) => i > start && l.includes(to));
  return [...lines.slice(0, start), ...lines.slice(end)];
}

describe('setKustomizationImage', () => {
  it('changes only the entry: every other byte survives, comments included', () => {
    const updated = setKustomizationImage(OVERLAY, {
      name: NAME,
      newTag: '4f2a9c1',
      digest: DIGEST,
    });
    expect(linesOutside(updated, `- name: ${NAME}`, '- name: redis')).toEqual(
      linesOutside(OVERLAY, `- name: ${NAME}`, '- name: redis'),
    );
    expect(updated).toContain(
      `  - name: ${NAME}\n    newTag: "4f2a9c1"\n    digest: "${DIGEST}"\n  - name: redis`,
    );
  });

  it('changes nothing but the images entry in the parsed document', () => {
    const updated = setKustomizationImage(OVERLAY, {
      name: NAME,
      newTag: 'v2',
      digest: DIGEST,
    });
    const before = parse(OVERLAY);
    const after = parse(updated);
    expect({ ...after, images: undefined }).toEqual({
      ...before,
      images: undefined,
    });
    expect(after.images).toEqual([
      { name: NAME, newTag: 'v2', digest: DIGEST },
      before.images[1],
    ]);
  });

  it.each(['1e10', '0123', '1.10', '9075807', 'on', 'no', 'true'])(
    'writes the tag %s quoted so it stays a string',
    tag => {
      const updated = setKustomizationImage(OVERLAY, {
        name: NAME,
        newTag: tag,
      });
      expect(updated).toContain(`newTag: "${tag}"`);
      expect(parse(updated).images[0].newTag).toBe(tag);
      expect(parse(updated, { version: '1.1' }).images[0].newTag).toBe(tag);
      expect(parseKustomizationImages(updated)[0].newTag).toBe(tag);
    },
  );

  it('removes a digest and a newName the edit does not keep', () => {
    const text = `images:\n  - name: ${NAME}\n    newName: mirror.example.com/checkout\n    newTag: v1\n    digest: ${OLD_DIGEST}\n`;
    const updated = setKustomizationImage(text, { name: NAME, newTag: 'v2' });
    expect(parseKustomizationImages(updated)).toEqual([
      { name: NAME, newTag: 'v2' },
    ]);
  });

  it('adds newName and digest to an entry that had only a tag', () => {
    const text = `images:\n- name: ${NAME}\n  newTag: v1\n`;
    const updated = setKustomizationImage(text, {
      name: NAME,
      newName: 'mirror.example.com/checkout',
      newTag: 'v2',
      digest: DIGEST,
    });
    expect(parseKustomizationImages(updated)).toEqual([
      {
        name: NAME,
        newName: 'mirror.example.com/checkout',
        newTag: 'v2',
        digest: DIGEST,
      },
    ]);
  });

  it('keeps the comment of a value it replaces', () => {
    const text = `images:\n  - name: ${NAME}\n    newTag: v1 # bumped by Stageline\n`;
    const updated = setKustomizationImage(text, { name: NAME, newTag: 'v2' });
    expect(updated).toBe(
      `images:\n  - name: ${NAME}\n    newTag: "v2" # bumped by Stageline\n`,
    );
  });

  it('adds the entry after the others when it is missing', () => {
    const updated = setKustomizationImage(OVERLAY, {
      name: 'ghcr.io/acme/worker',
      newTag: '0123',
    });
    expect(updated).toBe(
      OVERLAY.replace(
        "    newTag: '7.2'\n",
        `    newTag: '7.2'\n  - name: "ghcr.io/acme/worker"\n    newTag: "0123"\n`,
      ),
    );
  });

  it('adds an images field at the end when there is none', () => {
    const text = '# base only\nresources:\n  - ../../base # shared\n';
    const updated = setKustomizationImage(text, {
      name: NAME,
      newTag: 'v1',
      digest: DIGEST,
    });
    expect(updated.startsWith(text)).toBe(true);
    expect(parseKustomizationImages(updated)).toEqual([
      { name: NAME, newTag: 'v1', digest: DIGEST },
    ]);
  });

  it.each([
    ['an empty flow list', 'images: []\n'],
    ['an empty field', 'images:\n'],
    ['a flow entry list', `images: [{name: redis, newTag: "7"}]\n`],
  ])('fills %s, keeping comments', (_, images) => {
    const text = `# keep me\nnamespace: qa # and me\n${images}`;
    const updated = setKustomizationImage(text, { name: NAME, newTag: 'v3' });
    expect(updated).toContain('# keep me');
    expect(updated).toContain('# and me');
    expect(
      parseKustomizationImages(updated).find(i => i.name === NAME),
    ).toEqual({ name: NAME, newTag: 'v3' });
    expect(parseDocument(updated).get('namespace')).toBe('qa');
  });

  it.each([
    ['duplicate keys', 'images: []\nimages: []\n', /Map keys must be unique/],
    [
      'aliases',
      `t: &t "v1"\nimages:\n  - name: ${NAME}\n    newTag: *t\n`,
      /anchors or aliases/,
    ],
    ['several documents', 'images: []\n---\nimages: []\n', /several YAML/],
    ['a list root', '- a\n- b\n', /must be a mapping/],
    ['a scalar root', 'just text\n', /must be a mapping/],
  ])('refuses a document with %s', (_, text, message) => {
    expect(() =>
      setKustomizationImage(text, { name: NAME, newTag: 'v1' }),
    ).toThrow(message);
  });

  it.each([
    ['an invalid tag', { name: NAME, newTag: '-x' }, /newTag '-x'/],
    ['a tag with a newline', { name: NAME, newTag: 'v1\nx: y' }, /newTag/],
    [
      'a short digest',
      { name: NAME, newTag: 'v1', digest: 'sha256:abc' },
      /64 lowercase hex/,
    ],
    ['an uppercase name', { name: 'acme/App', newTag: 'v1' }, /lowercase/],
  ])('refuses %s and leaves the text alone', (_, edit, message) => {
    expect(() => setKustomizationImage(OVERLAY, edit)).toThrow(message);
    expect(() => setKustomizationImage(OVERLAY, edit)).toThrow(
      KustomizationError,
    );
  });
});
