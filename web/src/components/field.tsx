// A labelled form field with its error under it (aria-describedby), so that forms are usable by
// keyboard and screen reader and a server's complaint shows where it belongs.
import type { ComponentChildren } from 'preact';

let next = 0;
export function fieldId(name: string): string {
  return `f-${name}-${++next}`;
}

export function Field(props: { id: string; label: string; error?: string; hint?: string; children: ComponentChildren }) {
  const { id, label, error, hint, children } = props;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && !error && <small id={`${id}-hint`} class="hint">{hint}</small>}
      {error && (
        <small id={`${id}-error`} class="error" role="alert" data-testid={`error-${id}`}>
          {error}
        </small>
      )}
    </div>
  );
}
