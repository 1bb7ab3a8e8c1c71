import { type LiveSource, providerLiveSource } from '../../live/source';
import type { AsProvider } from './provider';

/**
 * AS: an instance held by a lifecycle hook waits to be continued or abandoned; the hook gives up by
 * itself at its timeout and then does its default result.
 */
export const asLiveSource = (provider: AsProvider): LiveSource =>
  providerLiveSource(provider, 'hook', async (rollout) => {
    const held = (await provider.heldInstances(rollout.id)).find(
      (h) => h.batchId === rollout.waitingBatch?.id,
    );
    const at = held ? Date.parse(held.timeout) : Number.NaN;
    return held && Number.isFinite(at)
      ? { timeout: { at: new Date(at).toISOString(), action: held.defaultResult } }
      : {};
  });
