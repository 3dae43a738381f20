// CSS-selector element paths from <body> ("body>div:nth-of-type(3)>table:nth-of-type(1)>…") that document.querySelector resolves.
import { isTag, type Element } from 'domhandler';

/** Caches sibling indices and paths, so a page with 100 000 cells costs one pass per parent, not one per cell. */
export class ElementPaths {
  private readonly indexOf = new WeakMap<Element, number>();
  private readonly pathOf = new WeakMap<Element, string>();

  constructor(private readonly body: Element) {}

  path(el: Element): string {
    // Iterative climb: collect the uncached ancestors, then build their paths top-down.
    const chain: Element[] = [];
    let cur: Element | null = el;
    while (cur && cur !== this.body && !this.pathOf.has(cur)) {
      chain.push(cur);
      cur = cur.parent && isTag(cur.parent) ? cur.parent : null;
    }
    let prefix = cur === this.body ? 'body' : cur ? this.pathOf.get(cur)! : 'body';
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]!;
      prefix = `${prefix}>${escapeTag(node.name)}:nth-of-type(${this.nthOfType(node)})`;
      this.pathOf.set(node, prefix);
    }
    return el === this.body ? 'body' : prefix;
  }

  private nthOfType(el: Element): number {
    const known = this.indexOf.get(el);
    if (known !== undefined) return known;
    const counts = new Map<string, number>();
    for (const sib of el.parent?.children ?? []) {
      if (!isTag(sib)) continue;
      const n = (counts.get(sib.name) ?? 0) + 1;
      counts.set(sib.name, n);
      this.indexOf.set(sib, n);
    }
    return this.indexOf.get(el) ?? 1;
  }
}

/** Tag names such as Word's "o:p" need escaping to be valid in a selector. */
function escapeTag(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}
