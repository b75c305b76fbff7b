// The itineraries side by side: a sortable table (the sort is in the URL), one colour per
// itinerary as on the map and the chart; a row click (or Enter on it) chooses the itinerary.
import { useT } from '../../i18n';
import { formatCo2, formatDateTime, formatDays, formatMoney } from '../../format';
import { bestOf, nextSort, type Sort, type SortKey } from './results';
import type { Itinerary } from './types';

interface Props {
  rows: Itinerary[];
  sort: Sort | null;
  selected: number | null;
  colourOf: (rank: number) => string;
  fromZone?: string;
  showDepart: boolean;
  onSort: (s: Sort) => void;
  onSelect: (rank: number) => void;
  onBook?: (it: Itinerary) => void;
}

export function ResultsTable({ rows, sort, selected, colourOf, fromZone, showDepart, onSort, onSelect, onBook }: Props) {
  const t = useT('search');
  const best = bestOf(rows);
  const head = (key: SortKey, label: string, num = true) => {
    const on = sort?.key === key;
    return (
      <th class={num ? 'num' : ''} aria-sort={on ? (sort!.desc ? 'descending' : 'ascending') : 'none'} scope="col">
        <button type="button" class="sort" data-testid={`sort-${key}`} onClick={() => onSort(nextSort(sort, key))}>
          {label}
          <span aria-hidden="true" class="arrow">{on ? (sort!.desc ? '▼' : '▲') : '↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <div class="table-wrap">
      <table class="results" data-testid="results">
        <caption class="sr-only">{t('results.caption')}</caption>
        <thead>
          <tr>
            <th scope="col"><span class="sr-only">{t('results.colour')}</span></th>
            {showDepart && head('depart', t('results.depart'), false)}
            {head('days', t('results.days'))}
            {head('cost', t('results.cost'))}
            {head('co2e', t('results.co2e'))}
            {head('ts', t('results.transshipments'))}
            {head('label', t('results.corridor'), false)}
            {onBook && <th scope="col"><span class="sr-only">{t('results.book')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((it) => {
            const on = it.rank === selected;
            return (
              <tr
                key={it.rank}
                class={on ? 'selected' : ''}
                aria-current={on ? 'true' : undefined}
                tabIndex={0}
                data-testid="itinerary-row"
                data-rank={it.rank}
                onClick={() => onSelect(it.rank)}
                onKeyDown={(e) => {
                  if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
                    e.preventDefault();
                    onSelect(it.rank);
                  }
                }}
              >
                <td><span class="swatch" style={{ background: colourOf(it.rank) }} aria-hidden="true" /><span class="rank">{it.rank}</span></td>
                {showDepart && <td class="when">{it.depart ? formatDateTime(it.depart, fromZone) : ''}</td>}
                <td class={`num${it.total.days === best.days ? ' best' : ''}`}>{formatDays(it.total.days)}</td>
                <td class={`num${it.total.cost_usd === best.cost ? ' best' : ''}`}>{formatMoney(it.total.cost_usd)}</td>
                <td class={`num${it.total.co2e_kg === best.co2e ? ' best' : ''}`}>{formatCo2(it.total.co2e_kg)}</td>
                <td class="num">{it.transshipments}</td>
                <td class="label">
                  {it.label}
                  {it.passages.length > 0 && <span class="muted"> · {it.passages.map((p) => t(`passage.${p}`, { defaultValue: p })).join(', ')}</span>}
                </td>
                {onBook && (
                  <td>
                    {it.routingReference && (
                      <button type="button" class="small" data-testid="book" onClick={(e) => { e.stopPropagation(); onBook(it); }}
                        aria-label={t('results.bookOne', { rank: it.rank })}>
                        {t('results.book')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
