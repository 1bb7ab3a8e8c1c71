import { type LiveSource, providerLiveSource } from '../live/source';
import type { SaeProvider } from './adapter';

/** SAE: a change order waits for its next batch to be confirmed (status 8). */
export const saeLiveSource = (provider: SaeProvider): LiveSource => providerLiveSource(provider, 'batch');
