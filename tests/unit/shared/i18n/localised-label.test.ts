/** Names from configuration that people read, in each agent's language. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QueueSettingsSchema } from '../../../../shared/board.js';
import { labelIn } from '../../../../shared/i18n/localised-label.js';
import { parseDeskConfig } from '../../../../electron/services/config/desk-config.js';

describe('a label from configuration', () => {
  it('is the one string in every language', () => {
    expect(labelIn('Sale', 'bg')).toBe('Sale');
  });

  it('is the agent’s language’s, else English, else whichever language it has', () => {
    const label = { en: 'Complaint', bg: 'Оплакване', ru: 'Жалоба' };
    expect(labelIn(label, 'bg')).toBe('Оплакване');
    expect(labelIn(label, 'pl')).toBe('Complaint');
    expect(labelIn({ uk: 'Скарга' }, 'pl')).toBe('Скарга');
  });

  it('names a board queue per language, the queue keeping the name the PBX knows it by', () => {
    const queue = QueueSettingsSchema.parse({ name: 'support', label: { bg: 'Поддръжка', pl: 'Wsparcie' } });
    expect(labelIn(queue.label ?? queue.name, 'pl')).toBe('Wsparcie');
    expect(labelIn(QueueSettingsSchema.parse({ name: 'support' }).label ?? 'support', 'pl')).toBe('support');
    expect(() => QueueSettingsSchema.parse({ name: 'support', label: { fr: 'Assistance' } })).toThrow();
  });

  it('is how the example configuration labels its dispositions', () => {
    const config = parseDeskConfig(JSON.parse(readFileSync('resources/example-config.json', 'utf8')), 'resources/example-config.json');
    expect(config.dispositions.map((d) => labelIn(d.label, 'bg'))).toEqual(['Решено', 'Обратно обаждане', 'Sale', 'Оплакване']);
  });
});
