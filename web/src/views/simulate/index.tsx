// The simulation dashboard (a "wide" view: no map). Left: the scenario form; right: the job named
// by `job=` in the URL (progress, then KPIs and plots). Simulations need an operator or admin key.
import { useT } from '../../i18n';
import { useParams } from '../../state/url';
import { useCaller } from '../../state/whoami';
import { ScenarioForm } from './form';
import { JobPanel } from './job';
import './simulate.css';

export function SimulateView() {
  const t = useT('sim');
  const params = useParams();
  const { caller, loading } = useCaller();
  const allowed = !!caller && (caller.role === 'operator' || caller.role === 'admin');
  return (
    <div class="sim">
      <div class="sim-side">
        <h2>{t('title')}</h2>
        <p class="muted small">{t('intro')}</p>
        {!loading && !allowed && (
          <div class="sim-notice" role="status" data-testid="sim-signin-needed">
            {caller ? t('access.wrongRole', { role: t(`common:role.${caller.role}`) }) : t('access.signIn')}
          </div>
        )}
        <ScenarioForm allowed={allowed} />
      </div>
      <div class="sim-main">
        {params.job && allowed ? (
          <JobPanel id={params.job} />
        ) : (
          <p class="muted sim-empty">{params.job && !loading ? t('access.signInForJob') : t('empty')}</p>
        )}
      </div>
    </div>
  );
}
