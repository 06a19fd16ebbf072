import { afterEach, describe, expect, it } from 'vitest';
import { useDeskView } from '../../../../../../renderer/src/state/desk-state.js';
import type { SimulatedScenario } from '../../../../../../shared/desk-api.js';
import { attachedRendererDesk, type RendererDesk } from '../../../../../support/renderer-desk.js';

let rig: RendererDesk;
const view = () => useDeskView.getState();

afterEach(() => rig?.stop());

describe('the simulator slice', () => {
  it('rings the scenario the developer menu asked for', async () => {
    const rung: SimulatedScenario[] = [];
    rig = await attachedRendererDesk({}, { ringSimulated: (scenario) => (rung.push(scenario), `sim-${rung.length}`) });
    await view().simulateCall('several');
    expect(rung).toEqual(['several']);
    expect(view().problems).toEqual([]);
  });
});
