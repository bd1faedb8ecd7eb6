/** A plain text table, columns cut to fit a terminal. */
export function table(head: string[], rows: string[][], maxWidth = 48): string {
  const cut = (s: string) => (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s);
  const cells = [head, ...rows].map((r) => r.map(cut));
  const widths = head.map((_, i) => cells.reduce((max, r) => Math.max(max, (r[i] ?? '').length), 0));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(cells[0] ?? []),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}
