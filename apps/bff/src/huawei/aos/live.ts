import { type LiveSource, providerLiveSource } from '../../live/source';
import type { AosProvider } from './provider';

/** AOS: a failed execution waits for a person to retry it or roll the stack back; it waits since it failed. */
export const aosLiveSource = (provider: AosProvider): LiveSource =>
  providerLiveSource(provider, 'failed-execution', async (rollout) => {
    const since = rollout.finishTime ? Date.parse(rollout.finishTime) : Number.NaN;
    return Number.isFinite(since) ? { since } : {};
  });
