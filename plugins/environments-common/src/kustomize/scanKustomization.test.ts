import { parseAllDocuments } from 'yaml';
import { KUSTOMIZATION_MAX_DEPTH } from './KUSTOMIZATION_MAX_DEPTH';
import { KUSTOMIZATION_MAX_TOKENS } from './KUSTOMIZATION_MAX_TOKENS';
import { KustomizationError } from './KustomizationError';
import { scanKustomization } from './scanKustomization';

const DEPTH = /more than 32 levels deep; Stageline reads at most 32 levels/;
const BLOCK_IN_FLOW =
  /Block collections are not allowed within flow collections \('- ' or 'a: b: c' inside \[ \] or \{ \}\)/;
const SAME_LINE =
  /a block collection cannot start on the same line as a key \('a: b: c', 'a: \? b', 'a: - b'\)/;

/** `levels` block mappings, each indented `step` more than its parent. */
function indented(levels: number, step = 2) {
  return Array.from(
    { length: levels },
    (_, i) => `${' '.repeat(i * step)}a${i}:`,
  ).join('\n');
}

/**
 * Whether the YAML parser itself finds a problem, as it must for what the scanner refuses as
 * invalid: an error, several documents, or a stack overflow on deep nesting.
 */
function parserFindsProblem(text: string) {
  try {
    const docs = parseAllDocuments(text);
    return docs.length > 1 || docs.some(doc => doc.errors.length > 0);
  } catch (error) {
    return error instanceof RangeError;
  }
}

describe('scanKustomization', () => {
  it('is the bound the package documents', () => {
    expect(KUSTOMIZATION_MAX_DEPTH).toBe(32);
    expect(KUSTOMIZATION_MAX_TOKENS).toBe(10_000);
  });

  describe('nesting', () => {
    it.each([
      ['120,000 nested [', '['.repeat(120_000), 1],
      ['5,000 nested {', `x: ${'{'.repeat(5_000)}`, 1],
      ['flow sequences of one-pair mappings', `x: ${'[a: '.repeat(17)}`, 1],
      ['200 levels of indentation', indented(200), 33],
      ['indentation by one space', indented(200, 1), 33],
      ['compact sequences (- - - a)', `${'- '.repeat(5_000)}a`, 1],
      ['compact explicit keys (? ? ? a)', `${'? '.repeat(5_000)}a`, 1],
      [
        'sequences at their key’s indentation',
        Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- a${i}:`).join(
          '\n',
        ),
        17,
      ],
      [
        'brackets after a plain scalar with a quote in it',
        `x: a'b\ny: ${'['.repeat(100)}\n'`,
        2,
      ],
      [
        'brackets after a quoted string the lexer ends at an unindented line',
        `x: "abc\n${'['.repeat(100)}"`,
        2,
      ],
    ])('refuses %s, naming the line', (_, text, line) => {
      expect(() => scanKustomization(text)).toThrow(DEPTH);
      expect(() => scanKustomization(text)).toThrow(`(line ${line})`);
      expect(() => scanKustomization(text)).toThrow(KustomizationError);
    });

    it.each([
      ['32 nested [', `x: ${'['.repeat(31)}${']'.repeat(31)}`],
      ['32 levels of indentation', `${indented(32)} 1`],
      ['16 levels of sequences of mappings', indentedSequences(16)],
      [
        '32 levels mixing both',
        `${indented(16)}\n${' '.repeat(32)}${'['.repeat(15)}${']'.repeat(15)}`,
      ],
    ])('accepts %s', (_, text) => {
      expect(() => scanKustomization(text)).not.toThrow();
    });

    it.each([
      ['33 nested [', `x: ${'['.repeat(32)}${']'.repeat(32)}`],
      ['33 levels of indentation', `${indented(33)} 1`],
    ])('refuses %s', (_, text) => {
      expect(() => scanKustomization(text)).toThrow(DEPTH);
    });

    it.each([
      [
        'a block scalar',
        `patch: |\n  ${'['.repeat(100)}\n  ${'{'.repeat(100)}\n`,
      ],
      ['a folded block scalar', `patch: >-\n  ${'['.repeat(100)}\n`],
      ['comments', `# ${'['.repeat(100)}\nx: 1 # ${'{'.repeat(100)}\n`],
      [
        'double-quoted strings',
        `x: "${'['.repeat(100)}"\ny: "a\\"${'{'.repeat(100)}"\n`,
      ],
      [
        'single-quoted strings',
        `x: '${'['.repeat(100)}'\ny: 'it''s ${'['.repeat(100)}'\n`,
      ],
      ['plain scalars', `x: a${'['.repeat(100)}\ny: b ${'{'.repeat(100)}\n`],
      [
        'a flow sequence of quoted strings',
        `x: ["${'['.repeat(100)}", '${'{'.repeat(100)}']\n`,
      ],
      [
        'a block scalar indented more than its content needs',
        `a:\n  b:\n    patch: |\n${Array.from(
          { length: 100 },
          (_, i) => `      ${' '.repeat(i)}x${i}:`,
        ).join('\n')}\n  c: 1\n`,
      ],
    ])('ignores brackets and indentation inside %s', (_, text) => {
      expect(() => scanKustomization(text)).not.toThrow();
    });
  });

  describe('tokens', () => {
    it('accepts a long flat list', () => {
      expect(() =>
        scanKustomization(`x: [${'a,'.repeat(3_000)}]`),
      ).not.toThrow();
    });

    it.each([
      ['a long flat list', `x: [${'a,'.repeat(6_000)}]`],
      [
        'thousands of keys',
        Array.from({ length: 4_000 }, (_, i) => `k${i}: v`).join('\n'),
      ],
      [
        'thousands of empty lines in a block scalar',
        `x: |\n  a${'\n'.repeat(20_000)}  b\n`,
      ],
      ['thousands of escapes in a string', `x: "${'\\q'.repeat(20_000)}"`],
    ])('refuses %s', (_, text) => {
      expect(() => scanKustomization(text)).toThrow(
        /more than 10000 YAML tokens \(keys, values, indentation, indicators, comments, line breaks\); Stageline reads at most 10000 \(line \d+\)/,
      );
    });
  });

  describe('anchors and aliases', () => {
    it.each([
      ['an anchor', 'a: &a x\n'],
      ['an alias', 'a: *a\n'],
      ['an anchor in a flow collection', 'a: [&a x]\n'],
      ['an anchored collection', 'a: &a\n  b: 1\n'],
    ])('refuses %s', (_, text) => {
      expect(() => scanKustomization(text)).toThrow(
        /uses YAML anchors or aliases \(& or \*\)/,
      );
    });

    it.each([
      ['in plain scalars', 'a: R&D *stars*\nb: x&y\n'],
      ['in quoted strings', 'a: "&a"\nb: \'*b\'\n'],
      ['in comments', '# &a *b\na: 1\n'],
    ])('accepts & and * %s', (_, text) => {
      expect(() => scanKustomization(text)).not.toThrow();
    });
  });

  describe('documents', () => {
    it.each([
      ['a document after content', 'a: 1\n---\nb: 2\n', 2],
      ['an empty document after content', 'a: 1\n---\n', 2],
      ['two explicit starts', '---\na: 1\n---\nb: 2\n', 3],
      ['a document after an end marker', 'a: 1\n...\nb: 2\n', 3],
      ['a document after an empty one', '...\nb: 2\n', 2],
      ['thousands of documents', '---\n'.repeat(10_000), 2],
    ])('refuses %s', (_, text, line) => {
      expect(() => scanKustomization(text)).toThrow(
        `kustomization holds several YAML documents; it must hold one, as kustomize reads only one (line ${line})`,
      );
      expect(parserFindsProblem(text)).toBe(true);
    });

    it.each([
      ['an explicit start', '---\na: 1\n'],
      ['a start after comments', '# overlay\n---\na: 1\n'],
      ['a %YAML directive', '%YAML 1.2\n---\na: 1\n'],
      ['an end marker', 'a: 1\n...\n'],
      ['an end marker and comments', 'a: 1\n...\n# end\n'],
      ['only comments', '# nothing\n'],
    ])('accepts one document with %s', (_, text) => {
      expect(() => scanKustomization(text)).not.toThrow();
    });
  });

  describe('block collections where YAML forbids them', () => {
    it.each([
      ['nested mappings on one line', `x: ${'a: '.repeat(3_000)}b`, SAME_LINE],
      [
        'quoted keys nested on one line',
        `x: ${'"a": '.repeat(3_000)}b`,
        SAME_LINE,
      ],
      ['an explicit key after a key', `x: ${'? '.repeat(3_000)}a`, SAME_LINE],
      ['a sequence after a key', 'x: - a', SAME_LINE],
      ['a key continued on the next line', '- a: b\n     c: [d]', SAME_LINE],
      ['- in a flow collection', `{\n${'- '.repeat(3_000)}a}`, BLOCK_IN_FLOW],
      ['nested mappings in a flow collection', '{a: b: c}', BLOCK_IN_FLOW],
      [
        'indented keys in a flow collection',
        `[\n${Array.from(
          { length: 300 },
          (_, i) => `${' '.repeat(i + 1)}a:`,
        ).join('\n')}`,
        BLOCK_IN_FLOW,
      ],
      [
        'a ] closing nothing',
        `x: 1\n${']'.repeat(30_000)}`,
        /'\]' closes no '\['/,
      ],
      ['a } closing a [', `x: [${'}'.repeat(30_000)}`, /'\}' closes a '\['/],
    ])('refuses %s', (_, text, message) => {
      expect(() => scanKustomization(text)).toThrow(message);
      expect(parserFindsProblem(text)).toBe(true);
    });

    it.each([
      ['a key and value', 'a: b\n'],
      ['a mapping in a sequence', '- a: b\n  c: d\n'],
      ['compact nesting at a line start', '- - a: b\n- ? c\n  : d\n'],
      ['an explicit key with a mapping in it', '? a : b\n'],
      ['a value after an explicit key', '? a\n: b : c\n'],
      ['a flow collection as a key', '[a]: b\n'],
      ['a flow collection as a key of a value', 'a: [b]: c\n'],
      ['a colon inside a plain scalar', 'a: http://x:8080\nb: a:b\n'],
      ['a colon in quotes', 'a: "b: c"\n'],
      ['one-pair mappings in a flow sequence', 'a: [b: c, d: e]\n'],
      ['an explicit key in a flow mapping', 'a: {? b : c}\n'],
      ['JSON', '{"a": ["b", {"c": [1, 2]}], "d": {}}\n'],
      ['a multi-line flow collection', 'a: [\n  b,\n  {c: d},\n]\n'],
      ['negative numbers in a flow sequence', 'a: [-1, -b]\n'],
    ])('accepts %s', (_, text) => {
      expect(() => scanKustomization(text)).not.toThrow();
      expect(parserFindsProblem(text)).toBe(false);
    });
  });
});

/** `levels` sequences, each holding a mapping whose key holds the next. */
function indentedSequences(levels: number) {
  return Array.from(
    { length: levels },
    (_, i) => `${'  '.repeat(i)}- a${i}:`,
  ).join('\n');
}
