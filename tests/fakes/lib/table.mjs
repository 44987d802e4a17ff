// Output shaped like kubectl's: its tabwriter (min width 6, padding 3) and its human-readable ages.

export function printTable(rows) {
  const widths = rows[0].map((_, column) =>
    Math.max(6, ...rows.map((row) => String(row[column]).length + 3)),
  );
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? String(cell) : String(cell).padEnd(widths[column])))
      .join(''),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration, for the AGE column. */
export function humanAge(sinceMs, nowMs = Date.now()) {
  const seconds = Math.floor((nowMs - sinceMs) / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (days < 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (days < 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}
