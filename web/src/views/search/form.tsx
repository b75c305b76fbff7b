// The search form. It edits a draft; "Search" writes the draft into the URL (a new history
// entry), and the URL is what runs the search, so a shared link runs it again.
import { useEffect, useState } from 'preact/hooks';
import { fieldError } from '../../components/problem';
import { Field } from '../../components/field';
import { useT } from '../../i18n';
import { AvoidChips } from './avoid';
import { PlaceInput } from './place-input';
import { OBJECTIVES, UNITS, WINDOWS, type SearchInput } from './query';
import type { Location } from './types';

interface Props {
  initial: SearchInput;
  error: unknown;
  busy: boolean;
  onSubmit: (s: SearchInput) => void;
  onPlace: (loc: Location) => void;
}

export function SearchForm({ initial, error, busy, onSubmit, onPlace }: Props) {
  const t = useT('search');
  const [s, setS] = useState<SearchInput>(initial);
  // A new URL (back button, a shared link) replaces the draft.
  const initialKey = JSON.stringify(initial);
  useEffect(() => setS(initial), [initialKey]);
  const set = (patch: Partial<SearchInput>) => setS((x) => ({ ...x, ...patch }));
  const timetabled = s.plan === 'timetabled';
  const objectives = timetabled ? OBJECTIVES.filter((o) => o === 'pareto' || o === 'time') : OBJECTIVES;
  const err = (...f: string[]) => fieldError(error, ...f);
  const submit = (e: Event) => {
    e.preventDefault();
    onSubmit(s);
  };
  return (
    <form class="search-form" onSubmit={submit} data-testid="search-form" noValidate>
      <div class="row">
        <Field id="s-from" label={t('form.from')} error={err('from')}>
          <PlaceInput id="s-from" name="from" value={s.from} error={err('from')} onChange={(v, loc) => { set({ from: v }); if (loc) onPlace(loc); }} />
        </Field>
        <Field id="s-to" label={t('form.to')} error={err('to')}>
          <PlaceInput id="s-to" name="to" value={s.to} error={err('to')} onChange={(v, loc) => { set({ to: v }); if (loc) onPlace(loc); }} />
        </Field>
      </div>
      <fieldset class="plan">
        <legend>{t('form.plan')}</legend>
        {(['timetabled', 'static'] as const).map((p) => (
          <label class="radio">
            <input type="radio" name="plan" value={p} checked={s.plan === p} data-testid={`plan-${p}`}
              onChange={() => set({ plan: p, objective: p === 'timetabled' && (s.objective === 'cost' || s.objective === 'co2e') ? 'pareto' : s.objective })} />
            {t(`plan.${p}`)}
          </label>
        ))}
      </fieldset>
      {timetabled && (
        <div class="row">
          <Field id="s-depart" label={t('form.ready')} hint={t('form.readyHint')} error={err('depart')}>
            <input id="s-depart" type="datetime-local" value={s.depart} required data-testid="depart"
              aria-describedby={err('depart') ? 's-depart-error' : 's-depart-hint'}
              onInput={(e) => set({ depart: (e.target as HTMLInputElement).value })} />
          </Field>
          <Field id="s-window" label={t('form.window')} error={err('window')}>
            <select id="s-window" value={String(s.window)} data-testid="window" onChange={(e) => set({ window: Number((e.target as HTMLSelectElement).value) })}>
              {WINDOWS.map((w) => (
                <option value={String(w)}>{w ? t('form.windowDays', { count: w }) : t('form.windowNone')}</option>
              ))}
            </select>
          </Field>
        </div>
      )}
      <div class="row">
        <Field id="s-unit" label={t('form.unit')} error={err('unit')}>
          <select id="s-unit" value={s.unit} data-testid="unit" onChange={(e) => set({ unit: (e.target as HTMLSelectElement).value as SearchInput['unit'] })}>
            {UNITS.map((u) => (
              <option value={u}>{t(`unit.${u}`)}</option>
            ))}
          </select>
        </Field>
        <Field id="s-count" label={t('form.count')} error={err('count')}>
          <input id="s-count" type="number" min={1} max={10000} step={1} value={s.count} data-testid="count"
            onInput={(e) => set({ count: Math.max(1, Number.parseInt((e.target as HTMLInputElement).value, 10) || 1) })} />
        </Field>
        <Field id="s-opt" label={t('form.optimise')} error={err('optimize', 'pareto', 'alternatives')}>
          <select id="s-opt" value={s.objective} data-testid="objective" onChange={(e) => set({ objective: (e.target as HTMLSelectElement).value as SearchInput['objective'] })}>
            {objectives.map((o) => (
              <option value={o}>{t(timetabled && o === 'time' ? 'objective.arrival' : `objective.${o}`)}</option>
            ))}
          </select>
        </Field>
      </div>
      <AvoidChips value={s.avoid} onChange={(avoid) => set({ avoid })} error={err('avoid')} />
      <div class="actions">
        <button type="submit" disabled={busy} data-testid="search-submit">
          {busy ? t('form.searching') : t('form.submit')}
        </button>
      </div>
    </form>
  );
}
