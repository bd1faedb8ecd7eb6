import { nextInOrder } from './node-kinds';

/**
 * Positions of nodes in document order, numbered once per scan. `compareDocumentPosition` would do in browsers,
 * but some JavaScript DOMs answer it wrongly across subtrees, and one numbering pass is cheaper than many calls.
 */
export class DocumentOrder {
  private positions: Map<Node, number> | null = null;

  constructor(private readonly root: Node) {}

  /** The node's position; -1 for a node outside the root. */
  of(node: Node): number {
    if (!this.positions) {
      this.positions = new Map();
      let i = 0;
      for (let n: Node | null = this.root; n; n = nextInOrder(n, this.root)) this.positions.set(n, i++);
    }
    return this.positions.get(node) ?? -1;
  }

  compare = (a: Node, b: Node): number => this.of(a) - this.of(b);
}
