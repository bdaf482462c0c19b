/**
 * Geometry of the static horizontal bar charts on /indicators/, computed at build time.
 * Each group (one indicator) gets a label line above its bars, so the chart stays narrow
 * enough to read on a phone; every bar carries its plan name and value as text, so
 * nothing is told by colour.
 *
 * Scales follow what the bars measure (ChartScale): shares of 100 on 0–100%, growth rates on
 * 0 to a round number above the largest, and counts each indicator on its own scale (so a
 * chart never draws 10% growth as a tenth of coverage, or 人 against 户). Gridlines run only
 * beside the bars of a group, never through a label line, and the scale's labels sit above
 * the first group; counts have no shared gridlines (each bar says its number).
 */
import type { ChartGroup, ChartScale } from './indicators.ts';

export interface ChartLayout {
  width: number;
  height: number;
  /** x of the 0 line and width of the 0–max scale. */
  scaleX: number;
  scaleWidth: number;
  /** The scale's maximum (share and growth), null for counts (each group has its own). */
  max: number | null;
  /** Scale labels above the chart (none for counts). */
  ticks: { x: number; label: string }[];
  /** Gridline segments, each beside one group's bars only. */
  gridlines: { x: number; y1: number; y2: number }[];
  groups: {
    label: string;
    labelY: number;
    bars: { label: string; labelY: number; x: number; y: number; width: number; height: number; text: string; textX: number }[];
  }[];
}

export interface ChartOptions {
  width?: number;
  fontSize?: number;
  scale?: ChartScale;
}

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `n` (a scale's round maximum). */
export function roundUp(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= n - 1e-9)!;
}

export function layoutBarChart(groups: ChartGroup[], opts: ChartOptions = {}): ChartLayout {
  const width = opts.width ?? 360;
  const font = opts.fontSize ?? 14;
  const scale = opts.scale ?? 'share';
  const barHeight = Math.round(font * 1.3);
  const rowGap = Math.round(font * 0.5);
  const labelHeight = Math.round(font * 1.8);
  const groupGap = Math.round(font * 1.2);
  // Room for the scale labels (none for counts).
  const top = scale === 'count' ? Math.round(font * 0.4) : Math.round(font * 1.6);
  // CJK glyphs are about one em wide; leave a little air after the longest plan label.
  const longestLabel = Math.max(1, ...groups.flatMap((g) => g.bars.map((b) => [...b.label].length)));
  const scaleX = longestLabel * font + font * 0.6;
  // Room after the longest bar for its value (ASCII about 0.6 em, CJK 1 em).
  const ems = (t: string) => [...t].reduce((n, c) => n + (c.charCodeAt(0) < 0x80 ? 0.6 : 1), 0);
  const longestText = Math.max(2.4, ...groups.flatMap((g) => g.bars.map((b) => ems(b.text))));
  const valueRoom = font * (longestText + 0.8);
  const scaleWidth = Math.max(font * 4, width - scaleX - valueRoom);
  const values = groups.flatMap((g) => g.bars.map((b) => b.value));
  const max = scale === 'share' ? Math.max(100, ...values) : scale === 'growth' ? roundUp(Math.max(...values, 1)) : null;

  const gridlines: ChartLayout['gridlines'] = [];
  const tickValues = max === null ? [] : [0, max / 2, max];
  let y = top;
  const laidOut = groups.map((group) => {
    const labelY = y + font;
    y += labelHeight;
    const groupMax = max ?? roundUp(Math.max(...group.bars.map((b) => b.value), 1));
    const barsTop = y;
    const bars = group.bars.map((bar) => {
      const barWidth = Math.max(1, (bar.value / groupMax) * scaleWidth);
      const laid = {
        label: bar.label,
        labelY: y + barHeight * 0.75,
        x: scaleX,
        y,
        width: round(barWidth),
        height: barHeight,
        text: bar.text,
        textX: round(scaleX + barWidth + font * 0.3),
      };
      y += barHeight + rowGap;
      return laid;
    });
    for (const v of tickValues) gridlines.push({ x: round(scaleX + (v / groupMax) * scaleWidth), y1: barsTop - 2, y2: y - rowGap + 2 });
    y += groupGap;
    return { label: group.label, labelY, bars };
  });

  const ticks = tickValues.map((v) => ({ x: round(scaleX + (v / max!) * scaleWidth), label: `${v}%` }));
  return { width, height: Math.round(y), scaleX: round(scaleX), scaleWidth: round(scaleWidth), max, ticks, gridlines, groups: laidOut };
}

const round = (n: number) => Math.round(n * 10) / 10;
