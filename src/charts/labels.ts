/**
 * Direct labels without collisions. Charts are drawn at build time where no text can be
 * measured, so widths are estimated from the characters (a little generously, for the system
 * fonts of the pages), and labels that would overlap are moved apart along one axis and tied to
 * their point by a leader. When they cannot all fit, the caller falls back to a legend.
 */

/** Relative widths (in em) of character classes of a sans-serif system font, rounded up. */
function charWidth(c: string): number {
  if (c === ' ') return 0.3;
  if ('il.,:;|!\'’ı'.includes(c)) return 0.3;
  if ('fjtrI()[]-'.includes(c)) return 0.4;
  if ('mwMW'.includes(c)) return 0.9;
  if (/[0-9]/.test(c)) return 0.62;
  if (/[A-ZÅÄÖ]/.test(c)) return 0.72;
  if (c === '%' || c === '€') return 0.9;
  return 0.6;
}

/** Estimated width of a text in pixels at a font size (bold adds 8 %). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) em += charWidth(c);
  return em * fontSize * (bold ? 1.08 : 1);
}

export interface LabelRequest {
  /** Wanted centre along the axis (pixels). */
  at: number;
  /** Extent of the label along the axis (its height for vertical dodging). */
  size: number;
}

/**
 * Positions (centres) for labels along one axis, as close as possible to where each wants to
 * be, with at least `gap` between neighbours and all within [min, max]; null when they cannot
 * all fit. Labels keep their order. Overlapping labels are merged into blocks centred on the mean
 * of what their members want, until no two blocks overlap (the classic cluster-merging dodge).
 */
export function dodge(labels: readonly LabelRequest[], min: number, max: number, gap = 2): number[] | null {
  if (labels.length === 0) return [];
  const total = labels.reduce((s, l) => s + l.size, 0) + gap * (labels.length - 1);
  if (total > max - min) return null;
  const order = labels.map((l, i) => i).sort((a, b) => labels[a]!.at - labels[b]!.at || a - b);
  interface Block {
    members: number[];
    /** Sum of (wanted position − offset of the member inside the block). */
    want: number;
    size: number;
    start: number;
  }
  const clamp = (b: Block) => {
    b.start = Math.min(Math.max(b.want / b.members.length, min), max - b.size);
  };
  const blocks: Block[] = [];
  for (const i of order) {
    const l = labels[i]!;
    const b: Block = { members: [i], want: l.at - l.size / 2, size: l.size, start: 0 };
    clamp(b);
    blocks.push(b);
    // Merge with the previous block while they overlap.
    while (blocks.length > 1) {
      const prev = blocks[blocks.length - 2]!;
      const cur = blocks[blocks.length - 1]!;
      if (prev.start + prev.size + gap <= cur.start) break;
      // The current block's members sit after the previous block's, offset by its size + gap.
      const offset = prev.size + gap;
      prev.want += cur.want - offset * cur.members.length;
      prev.members.push(...cur.members);
      prev.size += gap + cur.size;
      clamp(prev);
      blocks.pop();
    }
  }
  const out = new Array<number>(labels.length);
  for (const b of blocks) {
    let pos = b.start;
    for (const i of b.members) {
      const l = labels[i]!;
      out[i] = pos + l.size / 2;
      pos += l.size + gap;
    }
  }
  return out;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
