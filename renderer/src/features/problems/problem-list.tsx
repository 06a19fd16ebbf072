/** The failed actions, each in words the operator can act on, until they put it away. */
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describe-error.js';
import { useDeskView } from '../../state/desk-state.js';

export function ProblemList() {
  const { t } = useTranslation();
  const problems = useDeskView((v) => v.problems);
  const dismiss = useDeskView((v) => v.dismissProblem);
  return problems.map((problem) => (
    <div key={problem.id} className="notice problem" role="alert">
      <p>
        <strong>{t(`problems.${problem.action}`)}</strong> {describeError(problem.error, t)}
      </p>
      <button type="button" className="ghost" onClick={() => dismiss(problem.id)}>
        {t('problems.dismiss')}
      </button>
    </div>
  ));
}
