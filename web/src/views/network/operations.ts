// A node's operations as the panel lists them. The dataset stores a step once per direction
// (gauge change 1435 → 1520 and 1520 → 1435); when both directions have the same figures they
// are one row, marked `both`.
import type { Operation, Range } from './detail';

export interface OperationRow extends Operation {
  both?: boolean;
}

const sameRange = (a: Range | null | undefined, b: Range | null | undefined) =>
  (a?.lo ?? null) === (b?.lo ?? null) && (a?.hi ?? null) === (b?.hi ?? null) && (a?.value ?? null) === (b?.value ?? null);

function sameFigures(a: Operation, b: Operation): boolean {
  return (
    sameRange(a.hours, b.hours) && sameRange(a.costUsdFeu, b.costUsdFeu) && sameRange(a.costUsdTeu, b.costUsdTeu) &&
    (a.capacityTeuPerDay ?? null) === (b.capacityTeuPerDay ?? null) && (a.cranes ?? null) === (b.cranes ?? null) &&
    (a.movesPerHour ?? null) === (b.movesPerHour ?? null) && (a.hubKgCo2ePerT ?? null) === (b.hubKgCo2ePerT ?? null)
  );
}

export function operationRows(ops: Operation[]): OperationRow[] {
  const used = new Set<number>();
  const rows: OperationRow[] = [];
  ops.forEach((op, i) => {
    if (used.has(i)) return;
    const j = op.arrive !== op.depart
      ? ops.findIndex((o, k) => k > i && !used.has(k) && o.kind === op.kind && o.arrive === op.depart && o.depart === op.arrive && sameFigures(o, op))
      : -1;
    if (j >= 0) {
      used.add(j);
      rows.push({ ...op, both: true });
    } else rows.push(op);
  });
  return rows;
}
