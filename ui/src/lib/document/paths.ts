// Field paths as the core writes them: `forecast.contracts[falls-prevention].annual_value`.
// A list item is named by its id in brackets, or by its position as `[#3]` when it has no
// usable id. These functions only find and set values; they compute nothing.

export type Segment = { key: string } | { id: string } | { index: number };

/** Splits a path into keys, item ids and positions. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  const re = /([^.[\]]+)|\[#(\d+)\]|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) out.push({ key: m[1] });
    else if (m[2] !== undefined) out.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) out.push({ id: m[3] });
  }
  return out;
}

/** The path of an item's field: `itemPath('forecast.staff', 'physio', 'fte')`. */
export function itemPath(list: string, id: string, field?: string): string {
  return field ? `${list}[${id}].${field}` : `${list}[${id}]`;
}

type Node = Record<string, unknown> | unknown[];

function step(node: unknown, seg: Segment): { parent: Node; key: string | number } | null {
  if (node === null || typeof node !== 'object') return null;
  if ('key' in seg) {
    if (Array.isArray(node)) return null;
    return { parent: node as Record<string, unknown>, key: seg.key };
  }
  if (!Array.isArray(node)) return null;
  if ('index' in seg) return seg.index < node.length ? { parent: node, key: seg.index } : null;
  const i = node.findIndex((item) => typeof item === 'object' && item !== null && (item as { id?: unknown }).id === seg.id);
  return i >= 0 ? { parent: node, key: i } : null;
}

function locate(root: unknown, path: string): { parent: Node; key: string | number } | null {
  const segs = parsePath(path);
  if (segs.length === 0) return null;
  let node: unknown = root;
  for (let i = 0; i < segs.length; i++) {
    const at = step(node, segs[i]!);
    if (!at) return null;
    if (i === segs.length - 1) return at;
    node = (at.parent as Record<string | number, unknown>)[at.key];
  }
  return null;
}

/** The value at `path`, or `undefined` when the path names nothing. */
export function getAt(root: unknown, path: string): unknown {
  const at = locate(root, path);
  if (!at) return undefined;
  const v = (at.parent as Record<string | number, unknown>)[at.key];
  return v;
}

/** Whether `path` names something in `root` (a key that exists, an item that exists). */
export function resolves(root: unknown, path: string): boolean {
  const at = locate(root, path);
  return at !== null && at.key in (at.parent as object);
}

/** Sets the value at `path`; returns false when the path names nothing that can be set. */
export function setAt(root: unknown, path: string, value: unknown): boolean {
  const at = locate(root, path);
  if (!at) return false;
  (at.parent as Record<string | number, unknown>)[at.key] = value;
  return true;
}

/**
 * Whether a finding or error at `found` belongs to the field at `field`: the same path, or a
 * path inside it (`forecast.contracts[a].procurement` shows at the procurement's fields too is
 * not assumed: only exact matches and descendants of `field`).
 */
export function belongsTo(found: string | null | undefined, field: string): boolean {
  if (!found) return false;
  return found === field || found.startsWith(field + '.') || found.startsWith(field + '[');
}

/** Whether `path` lies under `prefix` (the prefix itself, a key inside it or an item of it). */
export function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '.') || path.startsWith(prefix + '[');
}
