// Placeholder: the search view (docs/web.md).
import { useT } from '../../i18n';

export function SearchView() {
  const t = useT();
  return <p>{t('nav.search')}</p>;
}
