/** The developer menu: ring a simulated call of each kind (offered only when the desk runs its simulator). */
import { useTranslation } from 'react-i18next';
import { SimulatedScenarioSchema } from '../../../../shared/desk-api.js';
import { useDeskView } from '../../state/desk-state.js';

export function SimulatorMenu() {
  const { t } = useTranslation();
  const simulateCall = useDeskView((v) => v.simulateCall);
  return (
    <section className="panel simulator" aria-labelledby="simulator-title">
      <h2 id="simulator-title">{t('simulator.title')}</h2>
      <div className="simulator-buttons">
        {SimulatedScenarioSchema.options.map((scenario) => (
          <button key={scenario} type="button" className="secondary" onClick={() => void simulateCall(scenario)}>
            {t(`simulator.${scenario}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
