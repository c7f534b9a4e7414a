/**
 * One line of the results: a figure beside its target. `higherIsBetter` targets (a rate, a ratio) are
 * met at or above the target, the others (latencies, sizes) at or below it. A figure of null was not
 * measured: the row says why, never a made-up number.
 */
export type Result = {
  benchmark: string;
  figure: number | null;
  unit: string;
  target: number | null;
  higherIsBetter?: boolean;
  /** A count (errors, rows): figure and target printed without decimals, "0 errors" not "0.00 errors". */
  whole?: boolean;
  /** What the figure was measured beside, or why it was not measured. */
  note?: string;
};

export type Verdict = 'met' | 'missed' | 'no target' | 'not measured';

export const verdictOf = (r: Result): Verdict => {
  if (r.figure === null) return 'not measured';
  if (r.target === null) return 'no target';
  return (r.higherIsBetter ? r.figure >= r.target : r.figure <= r.target) ? 'met' : 'missed';
};

/** figure / target: above 1 is better for a rate, below 1 is better for a latency or a size. */
export const ratioOf = (r: Result): number | null =>
  r.figure === null || r.target === null || r.target === 0 ? null : r.figure / r.target;

export const formatNumber = (n: number): string => {
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  return n.toFixed(2);
};

const cells = (r: Result): string[] => {
  const ratio = ratioOf(r);
  const format = (n: number) => (r.whole ? Math.round(n).toLocaleString('en') : formatNumber(n));
  return [
    r.benchmark,
    r.figure === null ? 'not measured' : `${format(r.figure)} ${r.unit}`,
    r.target === null ? '-' : `${r.higherIsBetter ? '>=' : '<='} ${format(r.target)} ${r.unit}`,
    ratio === null ? verdictOf(r) : `${ratio.toFixed(2)}x ${verdictOf(r)}`,
    r.note ?? '',
  ];
};

const HEADER = ['benchmark', 'figure', 'target', 'ratio / verdict', 'note'];

/** A plain-text table, columns padded to their widest cell (the note column is left ragged). */
export const formatTable = (results: readonly Result[]): string => {
  const rows = [HEADER, ...results.map(cells)];
  const widths = HEADER.map((_, c) => Math.max(...rows.map((row) => [...(row[c] ?? '')].length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
};

/** The same table in Markdown, for docs/performance.md. */
export const formatMarkdown = (results: readonly Result[]): string => {
  const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');
  return [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...results.map((r) => `| ${cells(r).map(escapeCell).join(' | ')} |`),
  ].join('\n');
};
