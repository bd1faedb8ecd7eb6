import { nextInOrder } from './node-kinds';

/**
 * Positions of nodes in document order, numbered once per scan. `compareDocumentPosition` would do in browsers,
 * but some JavaScript DOMs answer it wrongly across subtrees, and one numbering pass is cheaper than many calls.
 * The numbering can be done ahead in steps (`step`), so a page of a million nodes is numbered in slices.
 */
export class DocumentOrder {
  private readonly positions = new Map<Node, number>();
  private next: Node | null;
  private count = 0;

  constructor(private readonly root: Node) {
    this.next = root;
  }

  /** Numbers up to `budget` more nodes; true when every node is numbered. */
  step(budget: number): boolean {
    let n = this.next;
    for (let visited = 0; n && visited < budget; visited++) {
      this.positions.set(n, this.count++);
      n = nextInOrder(n, this.root);
    }
    this.next = n;
    return n === null;
  }

  /** The node's position; -1 for a node outside the root. */
  of(node: Node): number {
    if (this.next) this.step(Number.POSITIVE_INFINITY);
    return this.positions.get(node) ?? -1;
  }

  compare = (a: Node, b: Node): number => this.of(a) - this.of(b);
}
