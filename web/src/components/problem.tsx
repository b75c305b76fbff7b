// Shows what the server said when it said no: the problem+json title and detail. A form shows an
// error whose `field` it owns next to that field (fieldError) and the rest here.
import { ApiError } from '../api/client';
import { useT } from '../i18n';

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.problem.detail || e.problem.title || `HTTP ${e.status}`;
  return e instanceof Error ? e.message : String(e);
}

// The message for one form field, when the server named it.
export function fieldError(e: unknown, ...fields: string[]): string | undefined {
  return e instanceof ApiError && e.field && fields.includes(e.field) ? errorText(e) : undefined;
}

export function ProblemBox({ error, ownFields = [] }: { error: unknown; ownFields?: string[] }) {
  const t = useT();
  if (!error) return null;
  if (error instanceof ApiError && error.field && ownFields.includes(error.field)) return null; // shown at the field
  const title = error instanceof ApiError ? error.problem.title || t('error.title') : t('error.title');
  return (
    <div class="problem" role="alert" data-testid="problem">
      <strong>{title}</strong>
      <p>{errorText(error)}</p>
    </div>
  );
}
