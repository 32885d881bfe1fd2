// findTextRoot's "does this element hold real text" check (collect.ts hasText), on a stand-in DOM of child links.
import { describe, expect, it, vi } from 'vitest';

interface FakeNode {
  nodeType: number;
  data?: string;
  parentNode: FakeNode | null;
  lastChild: FakeNode | null;
  previousSibling: FakeNode | null;
}

const text = (data: string): FakeNode => ({ nodeType: 3, data, parentNode: null, lastChild: null, previousSibling: null });
function element(...children: FakeNode[]): FakeNode {
  const node: FakeNode = { nodeType: 1, parentNode: null, lastChild: children.at(-1) ?? null, previousSibling: null };
  children.forEach((child, i) => {
    child.parentNode = node;
    child.previousSibling = children[i - 1] ?? null;
  });
  return node;
}

vi.stubGlobal('Node', { TEXT_NODE: 3, ELEMENT_NODE: 1 });
const { hasText } = await import('../../src/content/collect.ts');
const check = (node: FakeNode, min: number) => hasText(node as unknown as Element, min);

describe('hasText', () => {
  it('counts the trimmed text of every Text node below, however deep', () => {
    const tree = element(text('  abc  '), element(element(text('de')), text('\n')), element(), text('fgh'));
    expect(check(tree, 8)).toBe(true);
    expect(check(tree, 9)).toBe(false);
  });

  it('never climbs above the element it was given', () => {
    const inner = element(text('ab'));
    element(text('0123456789'), inner);
    expect(check(inner, 2)).toBe(true);
    expect(check(inner, 3)).toBe(false);
  });

  it('stops reading once it has enough', () => {
    let reads = 0;
    const counted = (data: string): FakeNode => {
      const node = text(data);
      Object.defineProperty(node, 'data', { get: () => (reads++, data) });
      return node;
    };
    // The walk reads from the last child back: the two last are enough.
    const tree = element(counted('aaaa'), counted('bbbb'), counted('cccc'));
    expect(check(tree, 8)).toBe(true);
    expect(reads).toBe(2);
  });
});
