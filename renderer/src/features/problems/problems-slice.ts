/**
 * Every failed action of the operator's ends here: a notice on screen that says what failed
 * and what to do (until they put it away, or the same action works), and a line in the
 * desk's log for IT. One notice per action: trying again replaces its notice instead of stacking them.
 */
import type { StateCreator } from 'zustand';
import type { DeskClient, DeskRequestName, RequestInput } from '../../../../shared/desk-api.js';
import { TEXT_BOUNDS, withoutControlCharacters } from '../../../../shared/text-rules.js';
import { deskError } from '../../../../shared/desk-wire.js';
import { DeskCallError } from '../../api/desk-client.js';
import type { DeskView } from '../../state/desk-state.js';

/** What the operator tried; each names its sentence under `problems.*`. */
export type ProblemAction =
  | 'readDesk'
  | 'setAgentState'
  | 'endWrapUp'
  | 'simulateCall'
  | 'dismissCard'
  | 'searchCustomers'
  | 'openCustomer';

export interface Problem {
  id: number;
  action: ProblemAction;
  error: unknown;
}

export interface ProblemsSlice {
  problems: Problem[];
  /** Runs one of the operator's actions against the desk: its answer, or undefined once its failure is a problem. */
  attempt<T>(action: ProblemAction, run: (desk: DeskClient) => Promise<T>): Promise<T | undefined>;
  /** For an action whose form says its failure beside itself: the desk's log hears of it, and the error goes back to the form. */
  attemptHere<T>(action: DeskRequestName, run: (desk: DeskClient) => Promise<T>): Promise<T>;
  dismissProblem(id: number): void;
}

/** The failure as the desk's log keeps it: bounded, on one line, in English. */
export function problemReport(action: string, error: unknown): RequestInput<'reportProblem'> {
  const bounded = (text: string, max: number) => withoutControlCharacters(text, 'single-line').slice(0, max);
  const message = error instanceof Error ? error.message : String(error);
  return {
    action,
    code: bounded(error instanceof DeskCallError ? error.code : error instanceof Error ? error.name : typeof error, TEXT_BOUNDS.problemCode),
    key: error instanceof DeskCallError && error.key ? bounded(error.key, TEXT_BOUNDS.problemCode) : null,
    message: bounded(message, TEXT_BOUNDS.problemMessage),
  };
}

export const createProblemsSlice: StateCreator<DeskView, [], [], ProblemsSlice> = (set, get) => {
  let nextId = 1;
  async function reported<T>(action: string, run: (desk: DeskClient) => Promise<T>): Promise<T> {
    const desk = get().desk;
    try {
      if (!desk) throw new DeskCallError(deskError('internal', 'notConnected'));
      return await run(desk);
    } catch (error) {
      // A report that fails is not reported again: a desk that is down would make that a loop. The operator reads it either way.
      desk?.reportProblem(problemReport(action, error)).catch(() => undefined);
      throw error;
    }
  }
  return {
    problems: [],
    async attempt(action, run) {
      try {
        const done = await reported(action, run);
        // The same action that failed before has now worked (the desk was back, say): its notice says nothing true any more.
        if (get().problems.some((p) => p.action === action)) set((view) => ({ problems: view.problems.filter((p) => p.action !== action) }));
        return done;
      } catch (error) {
        const problem = { id: nextId++, action, error };
        set((view) => ({ problems: [...view.problems.filter((p) => p.action !== action), problem] }));
        return undefined;
      }
    },
    attemptHere: reported,
    dismissProblem: (id) => set((view) => ({ problems: view.problems.filter((p) => p.id !== id) })),
  };
};
