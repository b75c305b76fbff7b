// Placeholder: the bookings view (docs/web.md).
import { useT } from '../../i18n';

export function BookingsView() {
  const t = useT();
  return <p>{t('nav.bookings')}</p>;
}
