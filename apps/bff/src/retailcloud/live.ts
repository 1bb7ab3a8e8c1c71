import { type LiveSource, providerLiveSource } from '../live/source';
import type { RetailCloudProvider } from './provider';

/** Retail Cloud: a deploy order paused after a partition (status 2) waits for ResumeDeploy. */
export const retailCloudLiveSource = (provider: RetailCloudProvider): LiveSource =>
  providerLiveSource(provider, 'pause');
