import { CST, Lexer } from 'yaml';
import { CollectionNesting } from './CollectionNesting';
import { KUSTOMIZATION_MAX_TOKENS } from './KUSTOMIZATION_MAX_TOKENS';
import { KustomizationError } from './KustomizationError';
import { lineAt } from './lineAt';

/** One pass of {@link scanKustomization} over a text, stopped by the first refusal. */
class KustomizationScan {
  private readonly text: string;
  private tokens = 0;
  /** Offset of the current token in the text. */
  private offset = 0;
  private readonly nesting = new CollectionNesting(message =>
    this.refuse(message),
  );
  /**
   * Whether the tokens so far on this line are indentation and `-`, `?` or `:` indicators, and
   * their width, counted as the parser counts them (spaces, not tabs, and the indicators).
   */
  private atLineStart = true;
  private indent = 0;
  /** How many `:` follow a key on this line outside flow collections, and what preceded. */
  private lineColons = 0;
  private afterFlowCollection = false;
  /**
   * Whether the lexer is in a document, and whether a document has shown itself (with `---`,
   * content or `...`): a later `---`, or any document after it, is a second one.
   */
  private inDocument = false;
  private sawDocument = false;
  private blockScalarHeader = false;
  private scalarTextNext = false;

  constructor(text: string) {
    this.text = text;
  }

  run() {
    for (const source of new Lexer().lex(this.text)) {
      this.count(1);
      this.read(source);
    }
  }

  private read(source: string) {
    if (this.scalarTextNext) {
      // The text of a plain scalar or a block scalar's body: content, not structure.
      this.scalarTextNext = false;
      this.count(countOf('\n', source));
      this.advance(source);
      return;
    }
    switch (source) {
      case CST.DOCUMENT: // the lexer leaves the stream for a document
        this.startDocument();
        return;
      case CST.FLOW_END: // the lexer ends every open flow collection at an unindented line
        this.nesting.endFlows();
        return;
      case CST.SCALAR: // marks the next token as a scalar's text; not in the source
        this.scalarTextNext = true;
        this.afterFlowCollection = false;
        if (this.blockScalarHeader) {
          this.blockScalarHeader = false;
        } else {
          this.node(false);
        }
        return;
      default:
    }
    const type = CST.tokenType(source);
    switch (type) {
      case 'space':
        if (this.atLineStart && source[0] === ' ') {
          this.indent += source.length;
        }
        break;
      case 'newline':
      case 'byte-order-mark':
        break;
      case 'comment':
      case 'directive-line':
        this.atLineStart = false;
        break;
      case 'doc-start':
        if (this.sawDocument) this.refuseSecondDocument();
        this.startDocument();
        this.sawDocument = true;
        this.atLineStart = false;
        break;
      case 'doc-end':
        // Even an empty document counts: whatever follows is another one.
        this.sawDocument = true;
        this.inDocument = false;
        this.atLineStart = false;
        break;
      case 'anchor':
      case 'alias':
        this.refuse(
          'kustomization uses YAML anchors or aliases (& or *), which Stageline does not accept; write the values out',
        );
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        if (this.nesting.inFlow) {
          this.nesting.flowIndicator(type);
        } else if (!this.atLineStart) {
          this.blockIndicator(type);
        }
        this.node(true, type === 'seq-item-ind');
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        this.node(false);
        this.nesting.openFlow(type === 'flow-seq-start');
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        this.node(false);
        this.nesting.closeFlow(type === 'flow-seq-end');
        this.afterFlowCollection = !this.nesting.inFlow;
        this.advance(source);
        return;
      case 'comma':
        this.node(false);
        this.nesting.nextFlowEntry();
        break;
      case 'single-quoted-scalar':
        this.node(false);
        this.count(countOf('\n', source));
        break;
      case 'double-quoted-scalar':
        this.node(false);
        this.count(countOf('\n', source) + countOf('\\', source));
        break;
      case 'block-scalar-header':
        this.node(false);
        this.blockScalarHeader = true;
        break;
      default:
        this.node(false);
    }
    if (type !== 'space') this.afterFlowCollection = false;
    this.advance(source);
  }

  private startDocument() {
    if (this.inDocument) return;
    if (this.sawDocument) this.refuseSecondDocument();
    this.inDocument = true;
    this.nesting.startDocument();
  }

  /**
   * A token that is part of a node: a scalar, a bracket, a tag, or (`indicator`) one of the
   * `-`, `?` and `:` that may start a line. The first such tokens of a line outside flow
   * collections set the line's block nesting.
   */
  private node(indicator: boolean, seq = false) {
    this.sawDocument = true;
    if (!this.atLineStart) return;
    if (!this.nesting.inFlow) this.nesting.enterBlock(this.indent, seq);
    if (indicator) {
      this.indent += 1;
    } else {
      this.atLineStart = false;
    }
  }

  /**
   * An indicator after the start of a line, outside flow collections. YAML allows one `:` there
   * (`key: value`, `- key: value`, `? a : b`) and a `:` after a flow collection used as a key
   * (`[a]: b`); from anything else (`a: b: c`, `a: ? b`, `a: - b`) the parser builds a
   * collection nested in the previous one, each on the same line.
   */
  private blockIndicator(type: string) {
    if (
      type !== 'map-value-ind' ||
      (++this.lineColons > 1 && !this.afterFlowCollection)
    ) {
      this.refuse(
        "kustomization is not valid YAML: a block collection cannot start on the same line as a key ('a: b: c', 'a: ? b', 'a: - b')",
      );
    }
  }

  private advance(source: string) {
    this.offset += source.length;
    if (source[source.length - 1] === '\n') {
      this.atLineStart = true;
      this.indent = 0;
      this.lineColons = 0;
    }
  }

  private count(tokens: number) {
    this.tokens += tokens;
    if (this.tokens > KUSTOMIZATION_MAX_TOKENS) {
      this.refuse(
        `kustomization has more than ${KUSTOMIZATION_MAX_TOKENS} YAML tokens (keys, values, indentation, indicators, comments, line breaks); Stageline reads at most ${KUSTOMIZATION_MAX_TOKENS}`,
      );
    }
  }

  private refuseSecondDocument(): never {
    return this.refuse(
      'kustomization holds several YAML documents; it must hold one, as kustomize reads only one',
    );
  }

  private refuse(message: string): never {
    throw new KustomizationError(
      `${message} (line ${lineAt(this.text, this.offset)})`,
    );
  }
}

/**
 * Refuses, before the YAML parser sees the text, what would make parsing it slow or large:
 * more than {@link KUSTOMIZATION_MAX_TOKENS} tokens, nesting deeper than
 * {@link KUSTOMIZATION_MAX_DEPTH} levels (`[[[[...`, `- - - -...`, ever deeper indentation),
 * anchors and aliases (`&a`, `*a`, the makings of a billion-laughs document), a second
 * document, and invalid YAML that the parser would nest without bound or report thousands of
 * times (`a: b: c: ...` on one line, `- ` inside brackets, unmatched `]`).
 *
 * @remarks
 * It reads the token stream of `yaml`'s own lexer, which is linear, keeps a few counters and
 * builds no tree, and it stops at the first refusal, so a refused file costs only the tokens
 * before the problem. Using the lexer rather than a hand-written scanner means quoted scalars,
 * block scalars (`patch: |`), plain scalars and comments are told apart from flow brackets
 * exactly as the parser will: a scanner that disagreed about where a string ends could be made
 * to overlook brackets that the parser then nests.
 *
 * Flow depth is exact. Block depth follows the indentation of each line, counted as the parser
 * counts it, and the `-`, `?` and `:` indicators that start it (`- - a`); it may count a level
 * more than the parser builds, never fewer. The parser also nests block collections where YAML
 * forbids them, without new lines or indentation (`a: b: c: d`, `[- - a]`): those are refused
 * here as the invalid YAML they are.
 */
export function scanKustomization(text: string): void {
  new KustomizationScan(text).run();
}

function countOf(char: string, source: string): number {
  let count = 0;
  for (
    let i = source.indexOf(char);
    i !== -1;
    i = source.indexOf(char, i + 1)
  ) {
    count += 1;
  }
  return count;
}
