import { afterEach, describe, expect, it } from 'vitest';
import { useDeskView } from '../../../../../../renderer/src/state/desk-state.js';
import type { DeskLanguage } from '../../../../../../shared/desk-api.js';
import { attachedRendererDesk, type RendererDesk } from '../../../../../support/renderer-desk.js';
import { until } from '../../../../../support/until.js';

let rig: RendererDesk;
let stopWatching = () => {};
const view = () => useDeskView.getState();

afterEach(() => {
  stopWatching();
  rig?.stop();
});

describe('the settings slice', () => {
  it('switches the language through the desk, with the desk’s event the one write', async () => {
    const saved: string[] = [];
    rig = await attachedRendererDesk({}, { saveLocale: (locale) => void saved.push(locale) });
    const writes: DeskLanguage[] = [];
    stopWatching = useDeskView.subscribe((next, previous) => {
      if (next.language !== previous.language && next.language) writes.push(next.language);
    });
    await view().setLocale('pl');
    await until(() => view().language?.locale === 'pl', 'Polish');
    await new Promise((r) => setTimeout(r, 20));
    expect(writes.map((l) => l.locale)).toEqual(['pl']);
    expect(saved).toEqual(['pl']);
  });

  it('hands a language IT locked back to the picker', async () => {
    rig = await attachedRendererDesk({}, { configuration: { locked: [{ path: 'locale', origin: '/etc/agent-desk/policy.json' }], problems: [] } });
    await expect(view().setLocale('bg')).rejects.toMatchObject({ key: 'localeLocked', values: { file: '/etc/agent-desk/policy.json' } });
    expect(view().language?.locale).toBe('en');
  });
});

describe('the connection and diagnostics slices', () => {
  it('hand a desk without a hub or an archive back to their dialogs', async () => {
    rig = await attachedRendererDesk();
    await expect(view().signIn('secret-password')).rejects.toMatchObject({ key: 'noHub' });
    await expect(view().exportDiagnostics()).rejects.toMatchObject({ key: 'noDiagnostics' });
  });

  it('exports the archive and answers with its path', async () => {
    rig = await attachedRendererDesk({}, { exportDiagnostics: async () => '/tmp/agent-desk-diagnostics.tar.gz' });
    await expect(view().exportDiagnostics()).resolves.toBe('/tmp/agent-desk-diagnostics.tar.gz');
  });
});
