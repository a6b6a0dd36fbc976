import { describe, expect, it } from 'vitest';
import type { FigureChoice, Piece } from '../ipc/bindings';
import { figureGroups, matching } from './figures';
import { HOLD, KnownRuns, chipBeside, chipName, figurePiece, joined, piecesOf, placeAt, printed, refresh, render, sameShape, serialise, textOffset, tidy } from './livetext';

// The unit tests run without a browser: a small stand-in for the DOM with what the editor's
// nodes use (text nodes, elements with attributes, children). WebKit's own is the end-to-end
// tests' (tests/e2e/tests/live_figures.rs).
class FakeNode {
  childNodes: FakeNode[] = [];
  parentNode: FakeNode | null = null;
  private readonly attrs = new Map<string, string>();
  constructor(
    readonly nodeType: number,
    readonly nodeName: string,
    public nodeValue: string | null,
    readonly ownerDocument: FakeDocument,
  ) {}
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  get textContent(): string {
    return this.nodeType === 3 ? (this.nodeValue ?? '') : this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(t: string) {
    this.replaceChildren(this.ownerDocument.createTextNode(t));
  }
  appendChild(c: FakeNode): FakeNode {
    c.parentNode?.childNodes.splice(c.parentNode.childNodes.indexOf(c), 1);
    c.parentNode = this;
    this.childNodes.push(c);
    return c;
  }
  replaceChildren(...nodes: FakeNode[]): void {
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes = [];
    for (const n of nodes) this.appendChild(n);
  }
}

class FakeDocument {
  createTextNode(t: string): FakeNode {
    return new FakeNode(3, '#text', t, this);
  }
  createElement(name: string): FakeNode {
    return new FakeNode(1, name.toUpperCase(), null, this);
  }
}

const fake = new FakeDocument();
const asNode = (n: FakeNode): Node => n as unknown as Node;
const asElement = (n: FakeNode): HTMLElement => n as unknown as HTMLElement;
function box(): FakeNode {
  return fake.createElement('div');
}

const lowest: Piece = { kind: 'figure', placeholder: '[[lowest_cash]]', label: 'lowest cash', value: '£64,643' };
const surplus: Piece = { kind: 'figure', placeholder: '[[surplus year=2]]', label: 'surplus before tax, year 2', value: '£720,326' };
const wrong: Piece = { kind: 'fault', placeholder: '[[lowest_cahs]]', shown: '[no such figure: lowest_cahs]' };
const pieces: Piece[] = [
  { kind: 'text', text: 'Cash falls to ' },
  lowest,
  { kind: 'text', text: '.\n\n- Then ' },
  surplus,
  wrong,
  { kind: 'text', text: ' at last' },
];
const text = joined(pieces);

function drawn(ps: Piece[] = pieces): FakeNode {
  const b = box();
  render(asElement(b), ps);
  return b;
}

describe('the editor drawn from the core’s runs', () => {
  it('holds text nodes and a chip for each figure or fault, then one break', () => {
    const b = drawn();
    // Each chip is followed by a text node starting with the space that holds the caret.
    expect(b.childNodes.map((n) => n.nodeName)).toEqual(['#text', 'SPAN', '#text', 'SPAN', '#text', 'SPAN', '#text', 'BR']);
    expect(b.childNodes.map((n) => (n.nodeType === 3 ? n.nodeValue : null))).toEqual([
      'Cash falls to ', null, `${HOLD}.\n\n- Then `, null, HOLD, null, `${HOLD} at last`, null,
    ]);
    const chip = b.childNodes[1] as FakeNode;
    expect(chip.getAttribute('contenteditable')).toBe('false');
    expect(chip.getAttribute('data-placeholder')).toBe('[[lowest_cash]]');
    expect(chip.getAttribute('aria-label')).toBe('live figure: lowest cash, £64,643');
    expect(chip.getAttribute('role')).toBe('img');
    expect(chip.textContent).toBe('£64,643');
    const fault = b.childNodes[5] as FakeNode;
    expect(fault.getAttribute('class')).toBe('chip fault');
    expect(fault.textContent).toBe('[no such figure: lowest_cahs]');
    expect(fault.getAttribute('data-testid')).toBe('live-figure-fault');
    expect(tidy(asElement(b))).toBe(true);
  });

  it('prints each figure as its value and each fault as the core words it', () => {
    expect(printed(pieces)).toBe('Cash falls to £64,643.\n\n- Then £720,326[no such figure: lowest_cahs] at last');
  });

  it('reads back as the text as written: each chip as its placeholder, the last break as nothing', () => {
    expect(serialise(asNode(drawn()))).toBe(text);
    expect(piecesOf(asNode(drawn()))).toEqual(pieces);
    // A text ending in a newline keeps it: the break after it holds the empty last line.
    expect(serialise(asNode(drawn([{ kind: 'text', text: 'a\n' }])))).toBe('a\n');
    expect(serialise(asNode(drawn([])))).toBe('');
  });

  it('reads lines WebKit makes of its own as newlines, and is then not tidy', () => {
    // "a", then a line holding "b" and a chip, then an empty line: WebKit's blocks and breaks.
    const b = box();
    b.appendChild(fake.createTextNode('a'));
    const line = b.appendChild(fake.createElement('div'));
    line.appendChild(fake.createTextNode('b'));
    line.appendChild(drawn([lowest]).childNodes[0] as FakeNode);
    const empty = b.appendChild(fake.createElement('div'));
    empty.appendChild(fake.createElement('br'));
    const tail = b.appendChild(fake.createElement('div'));
    tail.appendChild(fake.createTextNode('c'));
    expect(serialise(asNode(b))).toBe('a\nb[[lowest_cash]]\n\nc');
    expect(tidy(asElement(b))).toBe(false);
    // Drawn again from what it holds, the chip kept.
    render(asElement(b), piecesOf(asNode(b)));
    expect(tidy(asElement(b))).toBe(true);
    expect(serialise(asNode(b))).toBe('a\nb[[lowest_cash]]\n\nc');
    // A break in the middle of a line is a newline; everything deleted leaves WebKit's break alone.
    const c = box();
    c.appendChild(fake.createTextNode('x'));
    c.appendChild(fake.createElement('br'));
    c.appendChild(fake.createTextNode('y'));
    expect(serialise(asNode(c))).toBe('x\ny');
    const d = box();
    d.appendChild(fake.createElement('br'));
    expect(serialise(asNode(d))).toBe('');
  });

  it('reads the space that holds the caret as nothing, and wants one after each chip', () => {
    const b = drawn([lowest]);
    expect(tidy(asElement(b))).toBe(true);
    // Typed after the chip, into the space's text node.
    (b.childNodes[1] as FakeNode).nodeValue = `${HOLD}ok`;
    expect(serialise(asNode(b))).toBe('[[lowest_cash]]ok');
    // One pasted in anywhere is dropped too.
    (b.childNodes[1] as FakeNode).nodeValue = `${HOLD}o${HOLD}k`;
    expect(serialise(asNode(b))).toBe('[[lowest_cash]]ok');
    expect(textOffset(asNode(b), asNode(b.childNodes[1] as FakeNode), 3)).toBe('[[lowest_cash]]o'.length);
    // WebKit took the space away: drawn again, it comes back.
    (b.childNodes[1] as FakeNode).nodeValue = 'ok';
    expect(tidy(asElement(b))).toBe(false);
    render(asElement(b), piecesOf(asNode(b)));
    expect((b.childNodes[1] as FakeNode).nodeValue).toBe(`${HOLD}ok`);
    expect(sameShape(piecesOf(asNode(b)), [lowest, { kind: 'text', text: 'ok' }])).toBe(true);
  });

  it('brings chips up to date in place when only the values changed', () => {
    const b = drawn();
    const chips = [b.childNodes[1], b.childNodes[3], b.childNodes[5]];
    const newer = pieces.map((p) => (p.kind === 'figure' ? { ...p, value: '£1' } : p));
    expect(sameShape(piecesOf(asNode(b)), newer)).toBe(true);
    refresh(asElement(b), newer);
    expect([b.childNodes[1], b.childNodes[3], b.childNodes[5]]).toEqual(chips);
    expect((b.childNodes[1] as FakeNode).textContent).toBe('£1');
    expect((b.childNodes[1] as FakeNode).getAttribute('aria-label')).toBe('live figure: lowest cash, £1');
    // A placeholder typed by hand is text until the core says it is a figure: another shape.
    const typed: Piece[] = [{ kind: 'text', text: 'x [[lowest_cash]]' }];
    expect(sameShape(typed, [{ kind: 'text', text: 'x ' }, lowest])).toBe(false);
    // A fault that becomes a figure is another shape too.
    expect(sameShape([wrong], [{ ...lowest, placeholder: wrong.placeholder }])).toBe(false);
  });
});

describe('places in the text and among the nodes', () => {
  const b = drawn();
  const root = asNode(b);
  const [t0, c1, t2, c3, h4, c5, t6] = b.childNodes as FakeNode[];
  const at = (n: FakeNode, o: number): number => textOffset(root, asNode(n), o);
  const lowestAt = 'Cash falls to '.length;
  const afterLowest = lowestAt + '[[lowest_cash]]'.length;
  const surplusAt = text.indexOf('[[surplus');
  const wrongAt = text.indexOf('[[lowest_cahs');

  it('counts a chip as its placeholder', () => {
    expect(at(t0!, 5)).toBe(5);
    // Before or after the space that holds the caret: the chip's end either way.
    expect(at(t2!, 0)).toBe(afterLowest);
    expect(at(t2!, 1)).toBe(afterLowest);
    expect(at(t2!, 3)).toBe(afterLowest + 2);
    expect(at(h4!, 1)).toBe(wrongAt);
    expect(at(t6!, 9)).toBe(text.length);
  });

  it('finds places given as an element and a child', () => {
    expect(at(b, 0)).toBe(0);
    expect(at(b, 1)).toBe(lowestAt);
    expect(at(b, 2)).toBe(afterLowest);
    expect(at(b, 4)).toBe(wrongAt);
    expect(at(b, 5)).toBe(wrongAt);
    expect(at(b, 6)).toBe(wrongAt + '[[lowest_cahs]]'.length);
    expect(at(b, 7)).toBe(text.length);
    expect(at(b, 8)).toBe(text.length);
    // Inside a chip: at its start, or else after it.
    expect(at(c1!, 0)).toBe(lowestAt);
    expect(at(c1!.childNodes[0]!, 3)).toBe(afterLowest);
    expect(at(c3!, 1)).toBe(wrongAt);
  });

  it('puts an offset in a text node where there is one, else beside a chip', () => {
    expect(placeAt(root, 3)).toEqual({ node: t0, offset: 3 });
    // At a chip's start: the end of the text before it.
    expect(placeAt(root, lowestAt)).toEqual({ node: t0, offset: lowestAt });
    // After a chip: after the space that holds the caret, between two chips too.
    expect(placeAt(root, afterLowest)).toEqual({ node: t2, offset: 1 });
    expect(placeAt(root, afterLowest + 2)).toEqual({ node: t2, offset: 3 });
    expect(placeAt(root, wrongAt)).toEqual({ node: h4, offset: 1 });
    // Inside a placeholder: after the chip.
    expect(placeAt(root, surplusAt + 4)).toEqual({ node: h4, offset: 1 });
    // The end: in the last text.
    expect(placeAt(root, text.length)).toEqual({ node: t6, offset: 9 });
  });

  it('goes there and back for every offset, an offset inside a placeholder coming back as its end', () => {
    const chips = [
      [lowestAt, afterLowest],
      [surplusAt, wrongAt],
      [wrongAt, wrongAt + '[[lowest_cahs]]'.length],
    ];
    for (let o = 0; o <= text.length; o++) {
      const p = placeAt(root, o);
      const inside = chips.find(([s, e]) => o > s! && o < e!);
      expect(textOffset(root, p.node, p.offset)).toBe(inside ? inside[1] : o);
    }
  });

  it('finds the chip Backspace or Delete would take away whole', () => {
    expect(chipBeside(root, afterLowest, 'before')).toBe(c1);
    expect(chipBeside(root, lowestAt, 'after')).toBe(c1);
    expect(chipBeside(root, lowestAt, 'before')).toBeNull();
    expect(chipBeside(root, afterLowest, 'after')).toBeNull();
    // Between two chips: the one before, or the one after.
    expect(chipBeside(root, wrongAt, 'before')).toBe(c3);
    expect(chipBeside(root, wrongAt, 'after')).toBe(c5);
    expect(chipBeside(root, 3, 'before')).toBeNull();
  });

  it('ends before the closing break when the text ends with a chip', () => {
    const e = drawn([{ kind: 'text', text: 'a ' }, lowest]);
    expect(placeAt(asNode(e), 2 + '[[lowest_cash]]'.length)).toEqual({ node: e.childNodes[2], offset: 1 });
    expect(placeAt(asNode(e), 2)).toEqual({ node: e.childNodes[0], offset: 2 });
    const empty = drawn([]);
    expect(placeAt(asNode(empty), 0)).toEqual({ node: empty, offset: 0 });
  });
});

describe('texts the core answered about', () => {
  it('are remembered, the oldest forgotten first, and another text is typed text', () => {
    const k = new KnownRuns(2);
    k.remember('a', [lowest]);
    k.remember('b', [surplus]);
    k.remember('a', [lowest]);
    k.remember('c', [wrong]);
    expect(k.of('a')).toEqual([lowest]);
    expect(k.of('c')).toEqual([wrong]);
    expect(k.of('b')).toEqual([{ kind: 'text', text: 'b' }]);
  });

  it('name a chip for a screen reader', () => {
    expect(chipName(lowest)).toBe('live figure: lowest cash, £64,643');
    expect(chipName(wrong)).toBe('[no such figure: lowest_cahs]');
    const f: FigureChoice = { placeholder: '[[closing_cash]]', label: 'cash at the end of the forecast', value: '£1', year: null };
    expect(figurePiece(f)).toEqual({ kind: 'figure', placeholder: '[[closing_cash]]', label: 'cash at the end of the forecast', value: '£1' });
  });
});

describe('the Insert figure list', () => {
  const figures: FigureChoice[] = [
    { placeholder: '[[lowest_cash]]', label: 'lowest cash', value: '£0', year: null },
    { placeholder: '[[closing_cash]]', label: 'cash at the end of the forecast', value: '£2,967,679', year: null },
    { placeholder: '[[surplus year=1]]', label: 'surplus before tax, year 1', value: '£511,644', year: 1 },
    { placeholder: '[[closing_cash year=1]]', label: 'cash at the year end, year 1', value: '£479,490', year: 1 },
    { placeholder: '[[surplus year=2]]', label: 'surplus before tax, year 2', value: '£720,326', year: 2 },
  ];

  it('filters by every word typed, in the name, the value or the placeholder', () => {
    expect(matching(figures, '')).toEqual(figures);
    expect(matching(figures, 'CASH end').map((f) => f.placeholder)).toEqual(['[[closing_cash]]', '[[closing_cash year=1]]']);
    expect(matching(figures, '511').map((f) => f.placeholder)).toEqual(['[[surplus year=1]]']);
    expect(matching(figures, 'year=2').map((f) => f.placeholder)).toEqual(['[[surplus year=2]]']);
    expect(matching(figures, 'nothing like it')).toEqual([]);
  });

  it('groups the whole forecast first, then each year, numbered in the order shown', () => {
    const g = figureGroups([figures[2]!, figures[0]!, figures[4]!, figures[1]!, figures[3]!]);
    expect(g.map((x) => x.title)).toEqual(['The whole forecast', 'Year 1', 'Year 2']);
    expect(g.flatMap((x) => x.items.map((i) => [i.index, i.figure.placeholder]))).toEqual([
      [0, '[[lowest_cash]]'],
      [1, '[[closing_cash]]'],
      [2, '[[surplus year=1]]'],
      [3, '[[closing_cash year=1]]'],
      [4, '[[surplus year=2]]'],
    ]);
    // The figures a typed amount was worth come first, in a group of their own.
    const s = figureGroups(figures, [figures[3]!]);
    expect(s[0]!.key).toBe('saved');
    expect(s[0]!.items[0]).toEqual({ figure: figures[3], index: 0 });
    expect(s[1]!.items[0]!.index).toBe(1);
  });
});
