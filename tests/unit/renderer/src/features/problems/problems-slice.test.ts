import { afterEach, describe, expect, it } from 'vitest';
import { DeskCallError } from '../../../../../../renderer/src/api/desk-client.js';
import { problemReport } from '../../../../../../renderer/src/features/problems/problems-slice.js';
import { useDeskView } from '../../../../../../renderer/src/state/desk-state.js';
import { deskError } from '../../../../../../shared/desk-wire.js';
import { TEXT_BOUNDS } from '../../../../../../shared/text-rules.js';
import { attachedRendererDesk, type RendererDesk } from '../../../../../support/renderer-desk.js';
import { until } from '../../../../../support/until.js';

let rig: RendererDesk;
const view = () => useDeskView.getState();
const reported = () => rig.log.filter((line) => typeof line.msg === 'string' && line.msg.includes('screen could not do'));

afterEach(() => rig?.stop());

describe('the problems slice', () => {
  it('makes a refused action a problem on screen and a line in the desk log', async () => {
    rig = await attachedRendererDesk();
    // This desk runs no simulator: it refuses a simulated call.
    await view().simulateCall('known');
    expect(view().problems).toEqual([{ id: expect.any(Number), action: 'simulateCall', error: expect.any(DeskCallError) }]);
    expect((view().problems[0]!.error as DeskCallError).key).toBe('simulatorOff');
    await until(() => reported().length === 1, 'the report in the desk log');
    expect(reported()[0]).toMatchObject({ level: 40, action: 'simulateCall', code: 'bad_request', key: 'simulatorOff' });
  });

  it('keeps one notice per action, the newest, and drops one the operator dismissed', async () => {
    rig = await attachedRendererDesk();
    await view().simulateCall('known');
    await view().simulateCall('unknown');
    await view().openCustomer('no-such-customer');
    expect(view().problems.map((p) => p.action)).toEqual(['simulateCall', 'openCustomer']);
    view().dismissProblem(view().problems[0]!.id);
    expect(view().problems.map((p) => p.action)).toEqual(['openCustomer']);
    await until(() => reported().length === 3, 'three reports');
  });

  it('takes a notice away once the same action works', async () => {
    rig = await attachedRendererDesk();
    const desk = view().desk;
    useDeskView.setState({ desk: null });
    await view().openCustomer('1001');
    expect(view().problems.map((p) => p.action)).toEqual(['openCustomer']);
    useDeskView.setState({ desk });
    await view().openCustomer('1001');
    expect(view().problems).toEqual([]);
    expect(view().focus).toMatchObject({ kind: 'customer' });
  });

  it('says a request made before any desk is attached as "not connected"', async () => {
    rig = await attachedRendererDesk();
    useDeskView.setState({ desk: null });
    await view().setAgentState({ state: 'break', breakReason: 'lunch' });
    expect((view().problems[0]!.error as DeskCallError).key).toBe('notConnected');
  });

  it('rejects with the failure for a form that says it beside itself, and still logs it', async () => {
    rig = await attachedRendererDesk();
    await expect(view().exportDiagnostics()).rejects.toMatchObject({ key: 'noDiagnostics' });
    expect(view().problems).toEqual([]);
    await until(() => reported().length === 1, 'the report in the desk log');
    expect(reported()[0]).toMatchObject({ action: 'exportDiagnostics', key: 'noDiagnostics' });
  });

  it('reports a failure on one bounded line, whatever it says', () => {
    const long = new Error(`line one\nline two\u0007${'x'.repeat(5_000)}`);
    const report = problemReport('searchCustomers', long);
    expect(report).toMatchObject({ action: 'searchCustomers', code: 'Error', key: null });
    expect(report.message).toHaveLength(TEXT_BOUNDS.problemMessage);
    expect(report.message).not.toMatch(/\p{Cc}/u);
    expect(problemReport('readDesk', new DeskCallError(deskError('internal', 'timeout')))).toMatchObject({ code: 'internal', key: 'timeout' });
  });
});
