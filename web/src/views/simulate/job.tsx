// One simulation job, named by `job=` in the URL: its status and a progress bar while it runs
// (polled), a cancel button, and its KPIs and plots once it is done. A reload shows the same job
// again for as long as the server keeps it (jobs live in its memory, --sim-ttl).
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { errorText } from '../../components/problem';
import { useT } from '../../i18n';
import { cancelJob, getJob, getPlots, getSummary, isFinished, type Job, type Plots, type Summary } from './api';
import { Results } from './results';

export const POLL_MS = 500;

export function Progress({ job }: { job: Job }) {
  const t = useT('sim');
  const { done, total } = job.progress;
  const pct = total > 0 ? Math.round((100 * done) / total) : 0;
  const text = t('job.progress', { done, total });
  return (
    <div class="sim-progress">
      <div
        class="bar"
        role="progressbar"
        aria-label={t('job.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        data-testid="sim-progress"
      >
        <div class={`fill ${job.status}`} style={{ width: `${pct}%` }} />
      </div>
      <span class="muted">{text}</span>
    </div>
  );
}

export function JobPanel({ id }: { id: string }) {
  const t = useT('sim');
  const [job, setJob] = useState<Job>();
  const [error, setError] = useState<unknown>();
  const [results, setResults] = useState<{ summary: Summary; plots: Plots }>();
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ctrl = new AbortController();
    setJob(undefined);
    setError(undefined);
    setResults(undefined);
    const poll = async () => {
      try {
        const j = await getJob(id, ctrl.signal);
        if (!live) return;
        setJob(j);
        if (!isFinished(j.status)) {
          timer = setTimeout(poll, POLL_MS);
        } else if (j.status === 'done') {
          const [summary, plots] = await Promise.all([getSummary(id), getPlots(id)]);
          if (live) setResults({ summary, plots });
        }
      } catch (e) {
        if (live && (e as Error).name !== 'AbortError') setError(e);
      }
    };
    poll();
    return () => {
      live = false;
      ctrl.abort();
      if (timer) clearTimeout(timer);
    };
  }, [id]);

  const cancel = async () => {
    setCancelling(true);
    try {
      setJob(await cancelJob(id));
    } catch (e) {
      setError(e);
    } finally {
      setCancelling(false);
    }
  };

  if (error) {
    const gone = error instanceof ApiError && error.status === 404;
    return (
      <div class="problem" role="alert" data-testid="sim-job-error">
        <strong>{gone ? t('job.gone') : t('common:error.title')}</strong>
        <p>{errorText(error)}</p>
      </div>
    );
  }
  if (!job) return <p class="muted">{t('common:loading')}</p>;
  const running = !isFinished(job.status);
  return (
    <div class="sim-job" data-testid="sim-job" data-status={job.status}>
      <div class="sim-status" aria-live="polite">
        <span>
          {t('job.title', { id: job.id })} · <strong data-testid="sim-status">{t(`job.status.${job.status}`)}</strong>
          {job.cancelRequested && running && <span class="muted"> · {t('job.stopping')}</span>}
        </span>
        {running && !job.cancelRequested && (
          <button type="button" class="secondary" onClick={cancel} disabled={cancelling} data-testid="sim-cancel">
            {t('job.cancel')}
          </button>
        )}
      </div>
      {(running || !results) && job.status !== 'failed' && <Progress job={job} />}
      {job.status === 'failed' && (
        <div class="problem" role="alert">
          <strong>{t('job.failed')}</strong>
          <p>{job.error}</p>
        </div>
      )}
      {job.status === 'cancelled' && <p class="muted">{t('job.cancelledNote')}</p>}
      {results && <Results summary={results.summary} plots={results.plots} />}
    </div>
  );
}
