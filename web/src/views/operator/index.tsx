// Placeholder: the operator view (docs/web.md).
import { useT } from '../../i18n';

export function OperatorView() {
  const t = useT();
  return <p>{t('nav.operator')}</p>;
}
