import { useTranslation } from 'react-i18next';
import { useDeskView } from '../../state/desk-state.js';

export function ConnectionStatus() {
  const { t } = useTranslation();
  const connection = useDeskView((v) => v.connection);
  return (
    <span role="status" aria-label={t('connection.label')} className={`connection ${connection}`} data-connection={connection}>
      {t(`connection.${connection}`)}
    </span>
  );
}
