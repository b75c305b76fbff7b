// The bookings view: book a chosen itinerary (?ref=), one booking (?bk=), and the caller's
// bookings. Booking and reading need a signed-in key; the itinerary's summary does not.
import { useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { useParams } from '../../state/url';
import { useCaller } from '../../state/whoami';
import { BookForm } from './book-form';
import { BookingDetail } from './detail';
import { BookingList } from './list';
import './bookings.css';

export function BookingsView() {
  const t = useT('booking');
  const params = useParams();
  const { caller, loading } = useCaller();
  const [version, setVersion] = useState(0);
  return (
    <div class="bookings-view">
      {params.ref && <BookForm reference={params.ref} caller={caller} onBooked={() => setVersion((v) => v + 1)} />}
      {caller && params.bk && !params.ref && <BookingDetail reference={params.bk} caller={caller} onChanged={() => setVersion((v) => v + 1)} />}
      {caller ? (
        <BookingList selected={params.bk} version={version} everyone={caller.role !== 'shipper'} />
      ) : (
        !params.ref && <p class="muted" data-testid="bookings-signin">{loading ? t('common:loading') : t('common:signin.needed')}</p>
      )}
      {!params.ref && !params.bk && caller && <p class="muted hint-book">{t('list.howToBook')}</p>}
    </div>
  );
}
