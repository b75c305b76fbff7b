// "Which day to ship": for a window of ready days, what leaving on each day gives (the fastest,
// cheapest and lowest-CO2e itinerary of the day). A click shows only that day's itineraries.
import { useT } from '../../i18n';
import { formatCo2, formatDate, formatDays, formatMoney } from '../../format';
import type { DayOption } from './results';

export function DayTable({ days, chosen, onChoose }: { days: DayOption[]; chosen: string | null; onChoose: (day: string | null) => void }) {
  const t = useT('search');
  return (
    <div class="days card" data-testid="days">
      <h3>{t('days.title')}</h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('days.day')}</th>
              <th scope="col" class="num">{t('days.options')}</th>
              <th scope="col" class="num">{t('days.fastest')}</th>
              <th scope="col" class="num">{t('days.cheapest')}</th>
              <th scope="col" class="num">{t('days.greenest')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr class={d.day === chosen ? 'selected' : ''} data-testid="day-row">
                <td>
                  <button type="button" class="link" aria-pressed={d.day === chosen} onClick={() => onChoose(d.day === chosen ? null : d.day)}>
                    {formatDate(`${d.day}T12:00Z`, 'UTC')}
                  </button>
                </td>
                <td class="num">{d.count}</td>
                <td class="num">{formatDays(d.fastest.total.days)}</td>
                <td class="num">{formatMoney(d.cheapest.total.cost_usd)}</td>
                <td class="num">{formatCo2(d.greenest.total.co2e_kg)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen && (
        <button type="button" class="link" onClick={() => onChoose(null)}>
          {t('days.all')}
        </button>
      )}
    </div>
  );
}
