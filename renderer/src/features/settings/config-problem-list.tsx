/** Each configuration file the desk could not use, as a sentence that says what runs instead. */
import { useTranslation } from 'react-i18next';
import { type ConfigProblem, describeConfigProblem } from '../../../../shared/config-problem.js';

export function ConfigProblemList({ problems }: { problems: ConfigProblem[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {problems.map((problem) => (
        <li key={`${problem.instead} ${problem.file}`}>{describeConfigProblem(problem, t)}</li>
      ))}
    </ul>
  );
}
