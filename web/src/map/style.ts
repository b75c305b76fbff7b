// How the network is drawn: one colour per transport mode (rail split by gauge), one per node kind.
// The legend (map/legend.tsx) and the map read the same tables.
import type { LinkProps } from '../api/network';

export const MODE_COLOURS: Record<string, string> = {
  sea: '#1f6fb2',
  deep_sea: '#1f6fb2',
  feeder: '#52a7e0',
  ferry: '#16a085',
  'rail-1435': '#c0392b',
  'rail-1520': '#8e44ad',
  rail: '#c0392b',
  road: '#7f8c8d',
  inland_water: '#2e8b7a',
  air: '#f39c12',
};
export const NODE_COLOURS: Record<string, string> = {
  seaport: '#1f6fb2',
  dry_port: '#d35400',
  rail_terminal: '#c0392b',
  border_crossing: '#2c3e50',
  hub: '#27ae60',
};
// Itineraries on the map: the table's rows and the chart's lines use the same colour per option.
export const ITINERARY_COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#000075'];

// The layer a link belongs to: its mode, rail by gauge ("rail-1520").
export function linkLayer(l: Pick<LinkProps, 'mode' | 'gauge'>): string {
  return l.mode === 'rail' && l.gauge ? `rail-${l.gauge}` : l.mode;
}
export function linkColour(l: Pick<LinkProps, 'mode' | 'gauge'>): string {
  return MODE_COLOURS[linkLayer(l)] ?? MODE_COLOURS[l.mode] ?? '#555';
}
export function nodeColour(kind: string): string {
  return NODE_COLOURS[kind] ?? '#555';
}
