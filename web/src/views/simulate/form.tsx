// The scenario form: an example scenario or an uploaded TOML with its demand CSV, an optional
// what-if (an example variant or an upload) run on the same replications and seed, and the run
// button. The server's complaint (400 bad-scenario, field = the request member) is shown at the
// input that fed that member.
import { useState } from 'preact/hooks';
import { ApiError, newIdempotencyKey } from '../../api/client';
import { Field } from '../../components/field';
import { errorText, ProblemBox } from '../../components/problem';
import { useT } from '../../i18n';
import { setParams, useParams } from '../../state/url';
import { submitSimulation } from './api';
import { bundledExamples, type Example } from './examples';
import { buildRequest, FormProblem, type FormInput } from './request';
import { leadingComment, scenarioHead } from './scenario-text';

interface Upload {
  name: string;
  text: string;
}

const OWN_FIELDS = ['scenario', 'demand', 'compare', 'compareDemand', 'replications', 'seed'];

function FileInput(props: { id: string; label: string; accept: string; file?: Upload; error?: string; hint?: string; onFile: (u: Upload | undefined) => void }) {
  const { id, label, accept, file, error, hint, onFile } = props;
  return (
    <Field id={id} label={label} error={error} hint={file ? undefined : hint}>
      <input
        id={id}
        type="file"
        accept={accept}
        data-testid={id}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : !file && hint ? `${id}-hint` : undefined}
        onChange={async (e) => {
          const f = (e.target as HTMLInputElement).files?.[0];
          onFile(f ? { name: f.name, text: await f.text() } : undefined);
        }}
      />
    </Field>
  );
}

export function ScenarioForm({ allowed }: { allowed: boolean }) {
  const t = useT('sim');
  const params = useParams();
  const examples = bundledExamples();
  const [source, setSource] = useState<'example' | 'upload'>('example');
  const [baseToml, setBaseToml] = useState<Upload>();
  const [baseCsv, setBaseCsv] = useState<Upload>();
  const [whatIfToml, setWhatIfToml] = useState<Upload>();
  const [whatIfCsv, setWhatIfCsv] = useState<Upload>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [leftOut, setLeftOut] = useState<string[]>([]);

  const example: Example | undefined = examples.find((e) => e.id === params.sc) ?? examples.find((e) => !e.variantOf) ?? examples[0];
  const wi = params.wi ?? '';
  const whatIfExample = examples.find((e) => e.id === wi);
  // What-if choices: the picked example's own variants first, then every other example.
  const variants = source === 'example' ? examples.filter((x) => x.variantOf && x.variantOf === example?.id) : [];
  const others = examples.filter((x) => !variants.includes(x) && (source === 'upload' || x.id !== example?.id));
  const baseDemandName = scenarioHead(baseToml?.text ?? '').demand;
  const baseHead = source === 'example' ? { replications: example?.replications, seed: example?.seed } : scenarioHead(baseToml?.text ?? '');

  // The message for a request member, from the server or from the page's own check.
  const errorAt = (field: string): string | undefined => {
    if (error instanceof FormProblem && error.field === field) return t(`form.problem.${error.reason}`);
    if (error instanceof ApiError && error.field === field) return errorText(error);
    return undefined;
  };
  const scenarioError = errorAt('scenario');
  const demandError = errorAt('demand');
  const compareError = errorAt('compare');
  const compareDemandError = errorAt('compareDemand');

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setLeftOut([]);
    const base = source === 'example' ? { toml: example?.toml ?? '', demand: example?.demand } : { toml: baseToml?.text ?? '', demand: baseCsv?.text };
    let whatIf: FormInput['whatIf'];
    if (wi === 'upload') whatIf = { toml: whatIfToml?.text ?? '', demand: whatIfCsv?.text };
    else if (whatIfExample) whatIf = { toml: whatIfExample.toml, demand: whatIfExample.demand };
    const input: FormInput = { base, whatIf, replications: params.reps ?? '', seed: params.seed ?? '' };
    setBusy(true);
    try {
      const { body, leftOut: out } = buildRequest(input);
      setLeftOut(out);
      const job = await submitSimulation(body, newIdempotencyKey());
      setParams({ job: job.id }, true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="sim-form" onSubmit={submit} data-testid="sim-form" noValidate>
      <fieldset>
        <legend>{t('form.scenario')}</legend>
        <div class="sim-source" role="radiogroup" aria-label={t('form.source')}>
          {(['example', 'upload'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name="sim-source" value={s} checked={source === s} onChange={() => setSource(s)} data-testid={`sim-source-${s}`} />
              {t(`form.sources.${s}`)}
            </label>
          ))}
        </div>
        {source === 'example' ? (
          <Field id="sim-example" label={t('form.example')} error={scenarioError ?? demandError} hint={example ? t('form.demandFile', { file: example.demandName }) : undefined}>
            <select
              id="sim-example"
              data-testid="sim-example"
              value={example?.id}
              aria-invalid={!!(scenarioError ?? demandError)}
              aria-describedby={scenarioError ?? demandError ? 'sim-example-error' : 'sim-example-hint'}
              onChange={(e) => {
                const id = (e.target as HTMLSelectElement).value;
                setParams({ sc: id, wi: wi && wi !== 'upload' && wi === id ? undefined : wi || undefined });
                setError(undefined);
              }}
            >
              {examples.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <div class="sim-files">
            <FileInput id="sim-toml" label={t('form.toml')} accept=".toml,text/plain" file={baseToml} error={scenarioError} onFile={(u) => (setBaseToml(u), setError(undefined))} />
            <FileInput id="sim-csv" label={t('form.csv')} accept=".csv,text/csv,text/plain" file={baseCsv} error={demandError} hint={baseDemandName ? t('form.namedDemand', { file: baseDemandName }) : undefined} onFile={(u) => (setBaseCsv(u), setError(undefined))} />
          </div>
        )}
        {source === 'example' && example && <p class="muted sim-about">{leadingComment(example.toml)}</p>}
      </fieldset>

      <fieldset>
        <legend>{t('form.whatIf')}</legend>
        <Field id="sim-whatif" label={t('form.compareWith')} error={wi !== 'upload' ? compareError ?? compareDemandError : undefined} hint={t('form.whatIfHint')}>
          <select
            id="sim-whatif"
            data-testid="sim-whatif"
            value={wi}
            aria-describedby={wi !== 'upload' && (compareError ?? compareDemandError) ? 'sim-whatif-error' : 'sim-whatif-hint'}
            onChange={(e) => {
              setParams({ wi: (e.target as HTMLSelectElement).value || undefined });
              setError(undefined);
            }}
          >
            <option value="">{t('form.none')}</option>
            {variants.length > 0 && (
              <optgroup label={t('form.variantsOf', { name: example?.name })}>
                {variants.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={variants.length > 0 ? t('form.otherExamples') : t('form.examples')}>
              {others.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </optgroup>
            <option value="upload">{t('form.uploadWhatIf')}</option>
          </select>
        </Field>
        {wi === 'upload' && (
          <div class="sim-files">
            <FileInput id="sim-compare-toml" label={t('form.toml')} accept=".toml,text/plain" file={whatIfToml} error={compareError} onFile={(u) => (setWhatIfToml(u), setError(undefined))} />
            <FileInput id="sim-compare-csv" label={t('form.csvOptional')} accept=".csv,text/csv,text/plain" file={whatIfCsv} error={compareDemandError} hint={t('form.csvSame')} onFile={(u) => (setWhatIfCsv(u), setError(undefined))} />
          </div>
        )}
        {whatIfExample && <p class="muted sim-about">{leadingComment(whatIfExample.toml)}</p>}
      </fieldset>

      <div class="row">
        <NumberField id="sim-reps" label={t('form.replications')} error={errorAt('replications')} scenarioValue={baseHead.replications} value={params.reps} onValue={(v) => setParams({ reps: v })} />
        <NumberField id="sim-seed" label={t('form.seed')} error={errorAt('seed')} scenarioValue={baseHead.seed} value={params.seed} onValue={(v) => setParams({ seed: v })} />
      </div>
      <div class="sim-actions">
        <button type="submit" disabled={!allowed || busy} data-testid="sim-run">
          {busy ? t('form.submitting') : t('form.run')}
        </button>
      </div>
      {leftOut.length > 0 && (
        <p class="muted small" role="status" data-testid="sim-network-left-out">
          {t('form.networkLeftOut')}
        </p>
      )}
      {!(error instanceof FormProblem) && <ProblemBox error={error} ownFields={OWN_FIELDS} />}
    </form>
  );
}

// A whole-number override of a scenario figure (replications, seed): empty keeps the scenario's
// own value, shown as the placeholder and the hint.
function NumberField(props: {
  id: string;
  label: string;
  error?: string;
  scenarioValue?: number;
  value?: string;
  onValue: (v: string) => void;
}) {
  const t = useT('sim');
  const { id, label, error, scenarioValue, value, onValue } = props;
  const known = scenarioValue !== undefined;
  return (
    <Field id={id} label={label} error={error} hint={known ? t('form.scenarioValue', { value: scenarioValue }) : undefined}>
      <input
        id={id}
        data-testid={id}
        inputMode="numeric"
        placeholder={known ? String(scenarioValue) : ''}
        value={value ?? ''}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onInput={(e) => onValue((e.target as HTMLInputElement).value)}
      />
    </Field>
  );
}
