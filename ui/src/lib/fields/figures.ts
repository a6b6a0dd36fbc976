// The Insert figure list: the core's figures in its order, filtered by what is typed and grouped
// as the core marks them (the whole forecast's, then each year's).
import type { FigureChoice } from '../ipc/bindings';

export interface FigureGroup {
  key: string;
  title: string;
  /** Each figure with its place in the filtered list (the arrow keys' order). */
  items: { figure: FigureChoice; index: number }[];
}

/** The figures whose name, value or placeholder holds every word typed, in any case. */
export function matching(figures: FigureChoice[], filter: string): FigureChoice[] {
  const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return figures;
  return figures.filter((f) => {
    const hay = `${f.label} ${f.value} ${f.placeholder}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** The figures in groups: `first` (the figures a typed amount was worth when last saved), then
 * the whole forecast's, then year by year, each in the core's order. */
export function figureGroups(figures: FigureChoice[], first: FigureChoice[] = []): FigureGroup[] {
  const groups: FigureGroup[] = [];
  if (first.length) groups.push({ key: 'saved', title: 'Worth this amount when the plan was last saved', items: first.map((figure) => ({ figure, index: 0 })) });
  for (const figure of figures) {
    const key = figure.year === null ? 'whole' : `year-${figure.year}`;
    let g = groups.find((x) => x.key === key);
    if (!g) {
      g = { key, title: figure.year === null ? 'The whole forecast' : `Year ${figure.year}`, items: [] };
      groups.push(g);
    }
    g.items.push({ figure, index: 0 });
  }
  groups.sort((a, b) => rank(a) - rank(b));
  let index = 0;
  for (const g of groups) for (const item of g.items) item.index = index++;
  return groups;
}

function rank(g: FigureGroup): number {
  if (g.key === 'saved') return -1;
  return g.key === 'whole' ? 0 : Number(g.key.slice('year-'.length));
}
