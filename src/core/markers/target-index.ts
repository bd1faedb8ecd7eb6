import { tagOf } from '../dom/node-kinds';

const HEADING = /^h[1-6]$/;

/**
 * The page's link targets by name (`id`, and `<a name>` of older pages), read once per scan so that
 * resolving hundreds of markers does not search the document hundreds of times.
 */
export class TargetIndex {
  private readonly byName = new Map<string, Element>();

  constructor(root: ParentNode) {
    for (const el of Array.from(root.querySelectorAll('[id], a[name]'))) {
      const id = el.getAttribute('id');
      // The first element with a name wins, as in browsers' fragment navigation.
      if (id && !this.byName.has(id)) this.byName.set(id, el);
      const name = tagOf(el) === 'a' ? el.getAttribute('name') : null;
      if (name && !this.byName.has(name)) this.byName.set(name, el);
    }
  }

  find(name: string): Element | null {
    return this.byName.get(name) ?? null;
  }

  /** A heading or a section that opens with one: what tables of contents link to. */
  isHeadingOrSection(el: Element): boolean {
    if (HEADING.test(tagOf(el))) return true;
    const first = el.firstElementChild;
    return !!first && HEADING.test(tagOf(first)) && /^(?:section|article|div|main)$/.test(tagOf(el));
  }
}
