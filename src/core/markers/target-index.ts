import { tagOf } from '../dom/node-kinds';

const HEADING = /^h[1-6]$/;

/**
 * The page's link targets by name (`id`, and `<a name>` of older pages), read once per scan so that
 * resolving hundreds of markers does not search the document hundreds of times.
 */
export class TargetIndex {
  private readonly byName = new Map<string, Element>();
  private readonly named: NodeListOf<Element>;
  private read = 0;

  constructor(root: ParentNode) {
    this.named = root.querySelectorAll('[id], a[name]');
  }

  /** Reads up to `budget` more named elements (a page of thousands of ids is read in slices); true when all are read. */
  step(budget: number): boolean {
    const end = Math.min(this.named.length, this.read + budget);
    for (; this.read < end; this.read++) {
      const el = this.named[this.read] as Element;
      const id = el.getAttribute('id');
      // The first element with a name wins, as in browsers' fragment navigation.
      if (id && !this.byName.has(id)) this.byName.set(id, el);
      const name = tagOf(el) === 'a' ? el.getAttribute('name') : null;
      if (name && !this.byName.has(name)) this.byName.set(name, el);
    }
    return this.read >= this.named.length;
  }

  find(name: string): Element | null {
    if (this.read < this.named.length) this.step(Number.POSITIVE_INFINITY);
    return this.byName.get(name) ?? null;
  }

  /** A heading or a section that opens with one: what tables of contents link to. */
  isHeadingOrSection(el: Element): boolean {
    if (HEADING.test(tagOf(el))) return true;
    const first = el.firstElementChild;
    return !!first && HEADING.test(tagOf(first)) && /^(?:section|article|div|main)$/.test(tagOf(el));
  }
}
