import { KUSTOMIZATION_MAX_DEPTH } from './KUSTOMIZATION_MAX_DEPTH';

/** A block collection: the indentation its entries start at, and whether it is a sequence. */
type BlockLevel = { indent: number; seq: boolean };

/**
 * A flow collection (`[...]` or `{...}`), with how many `:` its current entry holds and whether
 * that entry is a `key: value` pair in a sequence, which the parser nests as a one-pair mapping.
 */
type FlowLevel = { seq: boolean; colons: number; pair: boolean };

/**
 * The collections open at the current token of a kustomization scan (see scanKustomization):
 * block collections by indentation, flow collections by bracket. Refuses, through `refuse`,
 * nesting deeper than {@link KUSTOMIZATION_MAX_DEPTH} and the flow syntax the parser would
 * nest without brackets or report once per bracket.
 */
export class CollectionNesting {
  private readonly block: BlockLevel[] = [];
  private readonly flow: FlowLevel[] = [];
  /** How many flow levels have `pair` set. */
  private flowPairs = 0;
  private readonly refuse: (message: string) => never;

  constructor(refuse: (message: string) => never) {
    this.refuse = refuse;
  }

  get inFlow(): boolean {
    return this.flow.length > 0;
  }

  /** A new document starts with no block collection open. */
  startDocument() {
    this.block.length = 0;
  }

  /** The lexer ends every open flow collection at an unindented line. */
  endFlows() {
    this.flow.length = 0;
    this.flowPairs = 0;
  }

  /** The first node of a line outside flow collections, at `indent`. */
  enterBlock(indent: number, seq: boolean) {
    const block = this.block;
    let top = block[block.length - 1];
    while (
      top &&
      (top.indent > indent || (top.indent === indent && top.seq && !seq))
    ) {
      block.pop();
      top = block[block.length - 1];
    }
    if (!top || top.indent < indent || (seq && !top.seq)) {
      block.push({ indent, seq });
      this.checkDepth();
    }
  }

  openFlow(seq: boolean) {
    this.flow.push({ seq, colons: 0, pair: false });
    this.checkDepth();
  }

  /**
   * An indicator inside a flow collection. YAML allows `?` and one `:` per entry there (the
   * parser nests a `key: value` entry of a sequence as a one-pair mapping: counted), but the
   * parser builds block collections from `- ` and from a second `:` (`[a: b: c]`), without
   * brackets: refused.
   */
  flowIndicator(type: string) {
    const level = this.flow[this.flow.length - 1];
    if (
      type === 'seq-item-ind' ||
      (type === 'map-value-ind' && ++level.colons > 1)
    ) {
      this.refuse(
        "kustomization is not valid YAML: Block collections are not allowed within flow collections ('- ' or 'a: b: c' inside [ ] or { })",
      );
    }
    if (level.seq && !level.pair) {
      level.pair = true;
      this.flowPairs += 1;
      this.checkDepth();
    }
  }

  /**
   * Refuses a `]` or `}` that closes nothing or the other kind of bracket: invalid YAML, and the
   * parser reports each one, which thousands of them make costly.
   */
  closeFlow(seq: boolean) {
    const level = this.flow.pop();
    if (!level || level.seq !== seq) {
      const bracket = seq ? ']' : '}';
      this.refuse(
        level
          ? `kustomization is not valid YAML: '${bracket}' closes a '${
              seq ? '{' : '['
            }'`
          : `kustomization is not valid YAML: '${bracket}' closes no '${
              seq ? '[' : '{'
            }'`,
      );
    }
    if (level.pair) this.flowPairs -= 1;
  }

  nextFlowEntry() {
    const level = this.flow[this.flow.length - 1];
    if (!level) return;
    level.colons = 0;
    if (level.pair) {
      level.pair = false;
      this.flowPairs -= 1;
    }
  }

  private checkDepth() {
    const depth = this.block.length + this.flow.length + this.flowPairs;
    if (depth > KUSTOMIZATION_MAX_DEPTH) {
      this.refuse(
        `kustomization nests collections more than ${KUSTOMIZATION_MAX_DEPTH} levels deep; Stageline reads at most ${KUSTOMIZATION_MAX_DEPTH} levels`,
      );
    }
  }
}
