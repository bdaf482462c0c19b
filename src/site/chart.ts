/**
 * Geometry of the static horizontal bar chart on /indicators/, computed at build time.
 * Each group (one indicator) gets a label line above its bars, so the chart stays narrow
 * enough to read on a phone; every bar carries its plan name and value as text, so
 * nothing is told by colour.
 */
import type { ChartGroup } from './indicators.ts';

export interface ChartLayout {
  width: number;
  height: number;
  /** x of the 0 line and width of the 0–max scale. */
  scaleX: number;
  scaleWidth: number;
  max: number;
  ticks: { x: number; label: string }[];
  groups: {
    label: string;
    labelY: number;
    bars: { label: string; labelY: number; x: number; y: number; width: number; height: number; text: string; textX: number }[];
  }[];
}

export interface ChartOptions {
  width?: number;
  fontSize?: number;
}

export function layoutBarChart(groups: ChartGroup[], opts: ChartOptions = {}): ChartLayout {
  const width = opts.width ?? 360;
  const font = opts.fontSize ?? 14;
  const barHeight = Math.round(font * 1.3);
  const rowGap = Math.round(font * 0.5);
  const labelHeight = Math.round(font * 1.8);
  const groupGap = Math.round(font * 1.2);
  const top = Math.round(font * 1.6); // room for the scale labels
  // CJK glyphs are about one em wide; leave a little air after the longest plan label.
  const longestLabel = Math.max(1, ...groups.flatMap((g) => g.bars.map((b) => [...b.label].length)));
  const scaleX = longestLabel * font + font * 0.6;
  const valueRoom = font * 3.6;
  const scaleWidth = Math.max(font * 4, width - scaleX - valueRoom);
  const max = Math.max(100, ...groups.flatMap((g) => g.bars.map((b) => b.value)));

  let y = top;
  const laidOut = groups.map((group) => {
    const labelY = y + font;
    y += labelHeight;
    const bars = group.bars.map((bar) => {
      const barWidth = Math.max(1, (bar.value / max) * scaleWidth);
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
    y += groupGap;
    return { label: group.label, labelY, bars };
  });

  const ticks = [0, max / 2, max].map((v) => ({ x: round(scaleX + (v / max) * scaleWidth), label: `${v}%` }));
  return { width, height: Math.round(y), scaleX: round(scaleX), scaleWidth: round(scaleWidth), max, ticks, groups: laidOut };
}

const round = (n: number) => Math.round(n * 10) / 10;
