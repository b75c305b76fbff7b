// Placeholder: the track view (docs/web.md).
import { useT } from '../../i18n';

export function TrackView() {
  const t = useT();
  return <p>{t('nav.track')}</p>;
}
