import { describe, expect, it } from 'vitest';
import { parseDeskConfig } from '../../../../../electron/services/config/desk-config.js';
import { updateFeedFor } from '../../../../../electron/services/config/update-feed.js';

describe('the update feed', () => {
  it('is the policy’s intranet folder on its channel', () => {
    const config = parseDeskConfig({ updates: { url: 'https://updates.corp.example/agent-desk/', channel: 'beta' } }, 'policy');
    expect(updateFeedFor(config)).toEqual({ provider: 'generic', url: 'https://updates.corp.example/agent-desk/', channel: 'beta' });
  });

  it('is nothing when no server is set or the policy turns updates off', () => {
    expect(updateFeedFor(parseDeskConfig({}, 'defaults'))).toBeNull();
    expect(updateFeedFor(parseDeskConfig({ updates: { enabled: false, url: 'https://updates.corp.example/' } }, 'policy'))).toBeNull();
  });

  it('refuses a plain http feed, naming the field and the way to allow it', () => {
    expect(() => parseDeskConfig({ updates: { url: 'http://updates.corp.example/agent-desk/' } }, 'policy.json')).toThrow(
      /policy\.json: updates\.url: .*https.*updates\.allowInsecure/,
    );
  });

  it('takes a plain http feed when the policy allows it', () => {
    const config = parseDeskConfig({ updates: { url: 'http://updates.corp.example/agent-desk/', allowInsecure: true } }, 'policy.json');
    expect(updateFeedFor(config)).toEqual({ provider: 'generic', url: 'http://updates.corp.example/agent-desk/', channel: 'latest' });
  });

  it('refuses an allowInsecure that is not a boolean', () => {
    expect(() => parseDeskConfig({ updates: { allowInsecure: 'yes' } }, 'policy.json')).toThrow(/updates\.allowInsecure/);
  });

  it('refuses a feed that is not an http(s) URL, naming the field', () => {
    expect(() => parseDeskConfig({ updates: { url: 'file:///etc/passwd' } }, 'policy.json')).toThrow(/policy\.json: updates\.url/);
  });
});
