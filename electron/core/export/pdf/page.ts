import type { jsPDF } from 'jspdf';
import type { Weight } from './glyphs';
import { stampOperators } from './stamp';
import type { TextLayout } from './text';

/**
 * Page geometry and drawing: header, body lines, footer with the legend and the Bates
 * stamp. Coordinates are PDF points from the bottom-left corner of a US Letter page
 * (eDiscovery productions in the US are Letter-sized).
 */

export const PAGE = { width: 612, height: 792, left: 54, right: 558 } as const;
export const CONTENT_WIDTH = PAGE.right - PAGE.left;
/** The body runs from BODY_TOP down to BODY_BOTTOM (a line's baseline may not go lower). */
export const BODY_TOP = 694;
export const BODY_BOTTOM = 84;

const GREY = '0.35 g';
const BLACK = '0 g';

export interface PageHeader {
  title: string;
  subtitle: string;
}

export interface Fonts {
  /** jsPDF resource id of Helvetica-Bold (the Bates stamp). */
  stamp: string;
  /** Helvetica-Bold widths, for right-aligning the stamp. */
  stampWidth(text: string, size: number): number;
}

/** One page being composed: operators are collected and handed to jsPDF in one write. */
export class PageCanvas {
  private readonly ops: string[] = [];

  constructor(
    private readonly layout: TextLayout,
    private readonly fonts: Fonts,
  ) {}

  /** A single line of text (already wrapped), left-aligned at x, or right-aligned to x + width for RTL. */
  line(text: string, rtl: boolean, x: number, y: number, size: number, opts: { weight?: Weight; grey?: boolean; width?: number } = {}): void {
    const runs = this.layout.runs(text, rtl, size, opts.weight ?? 'regular');
    if (runs.length === 0) return;
    const total = runs.reduce((s, r) => s + r.width, 0);
    let cx = rtl ? x + (opts.width ?? CONTENT_WIDTH) - total : x;
    let out = `${opts.grey ? GREY : BLACK} BT`;
    let font = '';
    for (const r of runs) {
      if (r.fontId !== font) {
        out += ` /${r.fontId} ${size} Tf`;
        font = r.fontId;
      }
      out += ` 1 0 0 1 ${n(cx)} ${n(y)} Tm (${r.bytes}) Tj`;
      cx += r.width;
    }
    this.ops.push(out + ' ET');
  }

  /** Text cut to one line, with an ellipsis when it did not fit. */
  fitted(text: string, x: number, y: number, size: number, maxWidth: number, opts: { weight?: Weight; grey?: boolean } = {}): void {
    const lines = this.layout.wrap(text.replace(/\s+/g, ' '), size, maxWidth - this.layout.glyphs.width('…', size, opts.weight), opts.weight);
    const first = lines[0] ?? { text: '', rtl: false };
    this.line(lines.length > 1 ? `${first.text}…` : first.text, first.rtl, x, y, size, { ...opts, width: maxWidth });
  }

  rule(y: number): void {
    this.ops.push(`0.6 G 0.5 w ${PAGE.left} ${n(y)} m ${PAGE.right} ${n(y)} l S`);
  }

  header(h: PageHeader): void {
    this.fitted(h.title, PAGE.left, 746, 12, CONTENT_WIDTH, { weight: 'bold' });
    this.fitted(h.subtitle, PAGE.left, 730, 8.5, CONTENT_WIDTH, { grey: true });
    this.rule(718);
  }

  /** The legend on the left (up to two lines), the Bates stamp on the right. */
  footer(legend: string, bates: string): void {
    this.rule(62);
    const stampSize = 10;
    const stampWidth = this.fonts.stampWidth(bates, stampSize);
    const legendWidth = CONTENT_WIDTH - stampWidth - 18;
    const lines = this.layout.wrap(legend.replace(/\s+/g, ' ').trim(), 7.5, legendWidth, 'bold');
    lines.slice(0, 2).forEach((l, i) => {
      const text = i === 1 && lines.length > 2 ? `${l.text}…` : l.text;
      this.line(text, l.rtl, PAGE.left, 48 - i * 9.5, 7.5, { weight: 'bold', width: legendWidth });
    });
    this.ops.push(stampOperators(bates, this.fonts.stamp, stampSize, PAGE.right - stampWidth, 46));
  }

  /** Hands the page's operators to jsPDF (the current jsPDF page must be this one). */
  flush(doc: jsPDF): void {
    (doc as unknown as { internal: { write(s: string): void } }).internal.write(this.ops.join('\n'));
    this.ops.length = 0;
  }
}

function n(v: number): string {
  return Number(v.toFixed(2)).toString();
}
