// The operations view (operator and admin keys): a departure's load list and posting events.
import { useT } from '../../i18n';
import { useParams } from '../../state/url';
import { useCaller } from '../../state/whoami';
import { EventFormPanel } from './event-form';
import { LoadListPanel } from './load-list';
import '../bookings/bookings.css';
import './operator.css';

export function OperatorView() {
  const t = useT('booking');
  const params = useParams();
  const { caller, loading } = useCaller();
  if (!caller) return <p class="muted" data-testid="operator-signin">{loading ? t('common:loading') : t('common:signin.needed')}</p>;
  if (caller.role !== 'operator' && caller.role !== 'admin') return <p class="muted" data-testid="operator-forbidden">{t('operator.onlyOperators')}</p>;
  return (
    <div class="operator-view">
      <EventFormPanel container={params.eq} booking={params.bk} />
      <LoadListPanel departure={params.dep ?? ''} />
    </div>
  );
}
