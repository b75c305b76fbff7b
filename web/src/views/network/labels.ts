// Names for the codes the dataset uses at a node: an operation's sides ("start", "sea",
// "rail:1435") read as "journey starts", "Sea", "Rail 1,435 mm".
import type { TFunction } from 'i18next';

export function sideLabel(t: TFunction, side: string | undefined): string {
  if (!side) return '';
  if (side === 'start' || side === 'end') return t(`side.${side}`);
  const layer = side.replace(':', '-');
  return t(`layer.${layer}`, { defaultValue: side });
}

// "Rail 1,435 mm → Rail 1,520 mm" ("↔" for a step that is the same both ways; "Sea → Sea" is a
// transshipment between two ships).
export function operationSides(t: TFunction, arrive?: string, depart?: string, both = false): string {
  const a = sideLabel(t, arrive), d = sideLabel(t, depart);
  if (!a || !d) return a || d;
  return `${a} ${both ? '↔' : '→'} ${d}`;
}
