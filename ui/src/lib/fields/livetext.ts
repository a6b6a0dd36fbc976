// A narrative section's editor holds its text as the writer sees it: typed text, and each live
// figure as a chip showing its current value. The plan holds plain text with placeholders. This
// module goes between the two: the runs the core gives (`Piece`) drawn as nodes, the nodes read
// back as text (a chip as its placeholder), and a place in the text (a UTF-16 offset, as the
// core counts) found among the nodes and back. Nothing here reads a placeholder: what is a live
// figure is the core's answer.
import type { FigureChoice, Piece } from '../ipc/bindings';

const ELEMENT = 1;
const TEXT = 3;
/**
 * A zero-width space after each chip, in the text node that follows it: WebKitGTK draws the
 * caret at the start of the line when it stands after a chip with no text after it on that line
 * (at the end of a paragraph, or before another chip), though typing goes where it should. With
 * a character there, the caret shows after the chip. It is never part of the text: the editor
 * reads every zero-width space as nothing (one pasted in is dropped with it).
 */
export const HOLD = '\u200B';

/** Text as the plan holds it: without the zero-width spaces that hold the caret. */
function bare(t: string): string {
  return t.includes(HOLD) ? t.split(HOLD).join('') : t;
}

/** The offset in a text node's value of an offset in its text: after any holding spaces there. */
function domOffset(value: string, offset: number): number {
  let seen = 0;
  let k = 0;
  while (k < value.length && seen < offset) {
    if (value[k] !== HOLD) seen++;
    k++;
  }
  while (k < value.length && value[k] === HOLD) k++;
  return k;
}
/** Elements that start a line of their own when WebKit makes them (it should not: Enter and
 * paste are handled by the editor, but a line it does make is read as one). */
const BLOCKS = new Set(['DIV', 'P', 'LI']);

/** A place among the nodes: a text node and an offset in it, or an element and a child index. */
export interface Place {
  node: Node;
  offset: number;
}

/** What a chip says to a screen reader and on hover. */
export function chipName(p: Piece): string {
  if (p.kind === 'figure') return `live figure: ${p.label}, ${p.value}`;
  if (p.kind === 'fault') return p.shown;
  return p.text;
}

/** The element that stands for a live figure, or `null`. */
function chipOf(n: Node): Element | null {
  return n.nodeType === ELEMENT && (n as Element).getAttribute('data-placeholder') !== null ? (n as Element) : null;
}

/** A chip for a figure or a fault: atomic, not editable, its placeholder kept in an attribute. */
export function makeChip(doc: Document, p: Exclude<Piece, { kind: 'text' }>): HTMLElement {
  const el = doc.createElement('span');
  el.setAttribute('contenteditable', 'false');
  el.setAttribute('role', 'img');
  el.setAttribute('data-placeholder', p.placeholder);
  dressChip(el, p);
  return el;
}

/** Sets what a chip shows of its piece: the value (or the fault's words), its names and kind. */
function dressChip(el: Element, p: Exclude<Piece, { kind: 'text' }>): void {
  const shown = p.kind === 'figure' ? p.value : p.shown;
  const kind = p.kind;
  const name = chipName(p);
  if (el.getAttribute('data-kind') !== kind) {
    el.setAttribute('data-kind', kind);
    el.setAttribute('class', `chip ${kind}`);
    el.setAttribute('data-testid', kind === 'figure' ? 'live-figure' : 'live-figure-fault');
  }
  if (p.kind === 'figure' && el.getAttribute('data-label') !== p.label) el.setAttribute('data-label', p.label);
  if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
  if (el.getAttribute('title') !== name) el.setAttribute('title', name);
  if (el.textContent !== shown) el.textContent = shown;
}

/** A figure of the Insert figure list as the run it becomes. */
export function figurePiece(f: FigureChoice): Extract<Piece, { kind: 'figure' }> {
  return { kind: 'figure', placeholder: f.placeholder, label: f.label, value: f.value };
}

/** The text of a run as written in the plan. */
export function written(p: Piece): string {
  return p.kind === 'text' ? p.text : p.placeholder;
}

/** Runs as the text they print: each figure as its value, each fault as the core words it. */
export function printed(pieces: Piece[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.text : p.kind === 'figure' ? p.value : p.shown)).join('');
}

/** Runs as the text they write. */
export function joined(pieces: Piece[]): string {
  return pieces.map(written).join('');
}

/** One unit of the editor's content, in order: text, a chip, a line break, or a line's start. */
interface Unit {
  kind: 'text' | 'chip' | 'br' | 'line';
  node: Node;
  text: string;
}

/**
 * The units of `root`'s content, and where `at` (if given) falls among them: the number of units
 * wholly before it and how far into the next one (a text node's offset).
 */
function units(root: Node, at?: Place): { units: Unit[]; before: number; into: number } {
  const out: Unit[] = [];
  let before = -1;
  let into = 0;
  const mark = (n: number, k = 0): void => {
    if (before < 0) {
      before = n;
      into = k;
    }
  };
  const walk = (n: Node): void => {
    const children = n.childNodes;
    for (let i = 0; i < children.length; i++) {
      if (at && at.node === n && at.offset === i) mark(out.length);
      const c = children[i] as Node;
      visit(c);
    }
    if (at && at.node === n && at.offset >= children.length) mark(out.length);
  };
  const visit = (c: Node): void => {
    if (c.nodeType === TEXT) {
      const value = c.nodeValue ?? '';
      if (at && at.node === c) mark(out.length, bare(value.slice(0, at.offset)).length);
      out.push({ kind: 'text', node: c, text: bare(value) });
      return;
    }
    if (c.nodeType !== ELEMENT) return;
    const chip = chipOf(c);
    if (chip) {
      // A place inside a chip is at its start when at the chip's own start, else after it.
      if (at && contains(chip, at.node)) mark(at.node === chip && at.offset === 0 ? out.length : out.length + 1);
      out.push({ kind: 'chip', node: c, text: chip.getAttribute('data-placeholder') ?? '' });
      return;
    }
    const name = c.nodeName.toUpperCase();
    if (name === 'BR') {
      if (at && at.node === c) mark(out.length);
      out.push({ kind: 'br', node: c, text: '\n' });
      return;
    }
    if (BLOCKS.has(name) && out.some((u) => u.text !== '')) out.push({ kind: 'line', node: c, text: '\n' });
    walk(c);
  };
  walk(root);
  if (at && before < 0) before = out.length;
  // A line break with nothing after it in its line only holds the line open (the last line's
  // break, which the editor keeps so the caret can stand after a trailing newline or a chip).
  for (let i = 0; i < out.length; i++) {
    const u = out[i] as Unit;
    if (u.kind !== 'br') continue;
    const next = out[i + 1];
    if (!next || next.kind === 'line') u.text = '';
  }
  return { units: out, before, into };
}

function contains(outer: Node, n: Node | null): boolean {
  for (let x: Node | null = n; x; x = x.parentNode) if (x === outer) return true;
  return false;
}

/** The text the editor holds: text as typed, each chip as its placeholder, lines with "\n". */
export function serialise(root: Node): string {
  return units(root).units.map((u) => u.text).join('');
}

/** The runs the editor holds, each chip as the piece it was drawn from. */
export function piecesOf(root: Node): Piece[] {
  const out: Piece[] = [];
  for (const u of units(root).units) {
    if (u.kind === 'chip') {
      const el = u.node as Element;
      const shown = el.textContent ?? '';
      out.push(
        el.getAttribute('data-kind') === 'figure'
          ? { kind: 'figure', placeholder: u.text, label: el.getAttribute('data-label') ?? '', value: shown }
          : { kind: 'fault', placeholder: u.text, shown },
      );
    } else if (u.text !== '') {
      const last = out[out.length - 1];
      if (last?.kind === 'text') last.text += u.text;
      else out.push({ kind: 'text', text: u.text });
    }
  }
  return out;
}

/**
 * Draws `pieces` as the editor's content: text nodes and chips, each chip followed by a text node
 * that starts with the space holding the caret, and the break that ends the content (which holds
 * a last empty line open).
 */
export function render(root: Element, pieces: Piece[]): void {
  const doc = root.ownerDocument;
  const nodes: Node[] = [];
  let afterChip = false;
  for (const p of pieces) {
    if (p.kind === 'text') {
      nodes.push(doc.createTextNode((afterChip ? HOLD : '') + bare(p.text)));
      afterChip = false;
    } else {
      if (afterChip) nodes.push(doc.createTextNode(HOLD));
      nodes.push(makeChip(doc, p));
      afterChip = true;
    }
  }
  if (afterChip) nodes.push(doc.createTextNode(HOLD));
  nodes.push(doc.createElement('br'));
  root.replaceChildren(...nodes);
}

/** Whether the content is as `render` draws it: text nodes and chips, each chip followed by the
 * space that holds the caret, then one break. */
export function tidy(root: Element): boolean {
  const children = root.childNodes;
  const last = children[children.length - 1];
  if (!last || last.nodeName.toUpperCase() !== 'BR') return false;
  for (let i = 0; i < children.length - 1; i++) {
    const c = children[i] as Node;
    if (c.nodeType === TEXT) continue;
    if (!chipOf(c)) return false;
    const next = children[i + 1] as Node;
    if (next.nodeType !== TEXT || !(next.nodeValue ?? '').startsWith(HOLD)) return false;
  }
  return true;
}

/** Whether two lists of runs are the same text, with chips in the same places (values aside). */
export function sameShape(a: Piece[], b: Piece[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i] as Piece;
    return p.kind === q.kind && bare(written(p)) === bare(written(q));
  });
}

/** Brings each chip up to date with its run (a new value, label or fault); the shape is the same. */
export function refresh(root: Element, pieces: Piece[]): void {
  const chips = units(root).units.filter((u) => u.kind === 'chip');
  const figures = pieces.filter((p): p is Exclude<Piece, { kind: 'text' }> => p.kind !== 'text');
  chips.forEach((u, i) => {
    const p = figures[i];
    if (p) dressChip(u.node as Element, p);
  });
}

/** The chip that ends at `offset` (`before` it) or starts there (`after` it), if one does:
 * what Backspace or Delete at that offset takes away whole. */
export function chipBeside(root: Node, offset: number, side: 'before' | 'after'): Element | null {
  let n = 0;
  for (const u of units(root).units) {
    const len = u.text.length;
    if (u.kind === 'chip' && (side === 'before' ? n + len === offset : n === offset)) return u.node as Element;
    n += len;
    if (n > offset) break;
  }
  return null;
}

/** The offset in the text of a place among the nodes (a chip counts as its placeholder). */
export function textOffset(root: Node, node: Node, offset: number): number {
  const { units: us, before, into } = units(root, { node, offset });
  let n = 0;
  for (let i = 0; i < before && i < us.length; i++) n += (us[i] as Unit).text.length;
  return n + into;
}

function indexIn(n: Node): number {
  const siblings = n.parentNode?.childNodes;
  if (!siblings) return 0;
  for (let i = 0; i < siblings.length; i++) if (siblings[i] === n) return i;
  return 0;
}

/**
 * The place among the nodes of an offset in the text: in a text node where there is one (after
 * the space that holds the caret after a chip), else beside a chip or a break. An offset inside
 * a chip's placeholder is after the chip.
 */
export function placeAt(root: Node, at: number): Place {
  let offset = at;
  const { units: us } = units(root);
  let n = 0;
  for (let i = 0; i < us.length; i++) {
    const u = us[i] as Unit;
    const len = u.text.length;
    if (u.kind === 'text' && offset <= n + len) return { node: u.node, offset: domOffset(u.node.nodeValue ?? '', Math.max(0, offset - n)) };
    if (u.kind !== 'text' && offset <= n) return { node: u.node.parentNode as Node, offset: indexIn(u.node) };
    // Inside a placeholder: after the chip, where the space after it holds the caret.
    if (u.kind === 'chip' && offset < n + len) offset = n + len;
    n += len;
  }
  // The end: before the break that closes the content, if it is the last node.
  const last = us[us.length - 1];
  if (last && last.kind === 'br' && last.text === '') return { node: last.node.parentNode as Node, offset: indexIn(last.node) };
  return { node: root, offset: root.childNodes.length };
}

/** The runs of the texts the core answered about lately, newest last: a text that undo brings
 * back is drawn with its chips at once, before the core has answered about it again. */
export class KnownRuns {
  private readonly runs = new Map<string, Piece[]>();
  constructor(private readonly size = 40) {}

  remember(text: string, pieces: Piece[]): void {
    this.runs.delete(text);
    this.runs.set(text, pieces);
    if (this.runs.size > this.size) this.runs.delete(this.runs.keys().next().value as string);
  }

  /** The runs of `text`: the core's, or the whole of it as typed text if the core has not said. */
  of(text: string): Piece[] {
    return this.runs.get(text) ?? [{ kind: 'text', text }];
  }
}
