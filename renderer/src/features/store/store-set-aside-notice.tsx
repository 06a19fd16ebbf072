/** The damaged store the desk set aside when it started: which file IT should look at, and what the desk does meanwhile. */
import { useTranslation } from 'react-i18next';
import { useDeskView } from '../../state/desk-state.js';

export function StoreSetAsideNotice() {
  const { t } = useTranslation();
  const setAside = useDeskView((v) => v.settings?.storeSetAside ?? null);
  if (!setAside) return null;
  return (
    <div className="notice" role="alert">
      <strong>{t('app.storeSetAsideTitle')}</strong>{' '}
      {t(setAside.resync ? 'app.storeSetAsideResync' : 'app.storeSetAsideEmpty', { file: setAside.file })}
    </div>
  );
}
