import { afterEach, describe, expect, it } from 'vitest';
import { useDeskView } from '../../../../../../renderer/src/state/desk-state.js';
import type { DeskAgentState } from '../../../../../../shared/desk-api.js';
import { attachedRendererDesk, type RendererDesk } from '../../../../../support/renderer-desk.js';
import { until } from '../../../../../support/until.js';

let rig: RendererDesk;
let stopWatching = () => {};
const view = () => useDeskView.getState();

/** Every value the store's agentState took, in order. */
function agentStateWrites(): DeskAgentState[] {
  const writes: DeskAgentState[] = [];
  stopWatching = useDeskView.subscribe((next, previous) => {
    if (next.agentState !== previous.agentState && next.agentState) writes.push(next.agentState);
  });
  return writes;
}

afterEach(() => {
  stopWatching();
  rig?.stop();
});

describe('the agent-state slice', () => {
  it('takes a break through the desk, and the desk’s event is the one write', async () => {
    rig = await attachedRendererDesk();
    const writes = agentStateWrites();
    await view().setAgentState({ state: 'break', breakReason: 'lunch' });
    await until(() => view().agentState?.state === 'break', 'the break');
    // Let the request's answer land too: it must not write the state a second time.
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toEqual([expect.objectContaining({ state: 'break', breakReason: 'lunch' })]);
    expect(view().problems).toEqual([]);
  });

  it('ends a wrap-up early: back to available', async () => {
    rig = await attachedRendererDesk({ wrapUpSeconds: 60 });
    const ring = (state: 'ringing' | 'answered' | 'ended') =>
      rig.desk.onCallEvent({ callId: 'w1', state, remote: '+359888123456', direction: 'inbound', at: new Date().toISOString() }, 'test');
    ring('ringing');
    ring('answered');
    ring('ended');
    await until(() => view().agentState?.state === 'wrap_up', 'the wrap-up');
    await view().endWrapUp();
    await until(() => view().agentState?.state === 'available', 'available again');
    expect(view().agentState?.wrapUpEndsAt).toBeNull();
  });
});
