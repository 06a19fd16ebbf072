/** A customer's latest purchases; none said as none within the days the desk keeps. */
import { useTranslation } from 'react-i18next';
import type { Purchase } from '../../../../shared/domain.js';
import { useDeskFormats } from '../../i18n/desk-language.js';
import { useDeskView } from '../../state/desk-state.js';

export function PurchaseList({ purchases }: { purchases: Purchase[] }) {
  const { t } = useTranslation();
  const format = useDeskFormats();
  const historyDays = useDeskView((v) => v.settings?.historyDays);
  if (purchases.length === 0) return <p className="meta">{t('customer.noPurchasesWithin', { count: historyDays })}</p>;
  return (
    <table className="purchases">
      <tbody>
        {purchases.map((p) => (
          <tr key={p.id}>
            <td>{format.date(p.purchasedAt)}</td>
            <td>
              {p.product}
              {p.quantity > 1 && <> × {format.count(p.quantity)}</>}
            </td>
            <td className="amount">{format.money(p.amountMinor, p.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
