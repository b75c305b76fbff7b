// Placeholder: the simulate view (docs/web.md).
import { useT } from '../../i18n';

export function SimulateView() {
  const t = useT();
  return <p>{t('nav.simulate')}</p>;
}
