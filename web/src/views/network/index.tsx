// Placeholder: the network view (docs/web.md).
import { useT } from '../../i18n';

export function NetworkView() {
  const t = useT();
  return <p>{t('nav.network')}</p>;
}
