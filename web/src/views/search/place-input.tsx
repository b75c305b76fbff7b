// A place field with suggestions from GET /v1/locations?q= (network nodes first, then UN/LOCODE
// places for door-to-door): an ARIA 1.2 combobox. Arrow keys move through the list, Enter takes
// the highlighted place, Escape closes the list; what is typed may also be sent as it is (the
// server resolves codes and names, and says at the field when it cannot).
import { useEffect, useRef, useState } from 'preact/hooks';
import { get } from '../../api/client';
import { useT } from '../../i18n';
import type { Location } from './types';

interface Props {
  id: string;
  name: string; // from / to: the testid suffix
  value: string;
  error?: string;
  onChange: (text: string, picked?: Location) => void;
}

export function PlaceInput({ id, name, value, error, onChange }: Props) {
  const t = useT('search');
  const [items, setItems] = useState<Location[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const listId = `${id}-list`;

  useEffect(() => {
    if (!typed.current) return;
    const q = value.trim();
    if (q.length < 2) {
      setItems([]);
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      get<{ locations: Location[] }>('/v1/locations', { q, limit: 8 }, ctl.signal)
        .then((r) => {
          setItems(r.locations);
          setActive(-1);
          // suggestions that come back after the field lost focus are not shown
          setOpen(r.locations.length > 0 && document.activeElement === input.current);
        })
        .catch(() => undefined); // suggestions are a help; the search itself reports errors
    }, 150);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [value]);

  const pick = (loc: Location) => {
    typed.current = false;
    onChange(loc.code, loc);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % items.length);
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class="combo">
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={!!error}
        aria-describedby={errorId}
        placeholder={t('form.placePlaceholder')}
        value={value}
        data-testid={`place-${name}`}
        onInput={(e) => {
          typed.current = true;
          onChange((e.target as HTMLInputElement).value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && (
        <ul id={listId} role="listbox" class="combo-list" aria-label={t('form.suggestions')} data-testid={`suggest-${name}`}>
          {items.map((l, i) => (
            <li
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(l);
              }}
            >
              <span class="code">{l.code}</span> <span class="name">{l.name}</span>{' '}
              <span class="muted">
                {l.country} · {l.on_network ? t(`kind.${l.kind}`, { defaultValue: l.kind }) : t('kind.place')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
