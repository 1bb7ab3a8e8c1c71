import type { ApplicationSummary, Rollout, WaitKind } from '@console/contract';
import type { ApplicationProvider } from '../providers';

/** What a product knows about a wait beyond the rollout itself. */
export interface WaitFacts {
  /** Epoch ms: when the wait began, as the cloud tells it. */
  since?: number;
  /** A lifecycle hook that gives up by itself: when, and what it does then. */
  timeout?: { at: string; action: string };
}

/**
 * What the operations center asks of every product: its applications with their state, and the
 * rollout an application's state points at. Each product answers it in its own folder.
 */
export interface LiveSource {
  /** What a person decides when one of this product's rollouts waits. */
  readonly waitKind: WaitKind;
  /** Every application of the account, with its console status and last rollout. */
  applications(): Promise<ApplicationSummary[]>;
  /** The rollout the application's state points at, if it may be open or have failed. */
  rolloutOf(app: ApplicationSummary): string | undefined;
  rollout(rolloutId: string): Promise<Rollout>;
  waitFacts?(rollout: Rollout): Promise<WaitFacts>;
}

const PAGE = 100;

/** Every application, page by page through the console's own list (the status of each included). */
export async function allApplications(provider: ApplicationProvider): Promise<ApplicationSummary[]> {
  const first = await provider.listApplications({ page: 1, pageSize: PAGE });
  const items = [...first.items];
  const pages = Math.ceil(first.total / PAGE);
  for (let page = 2; page <= pages; page++) {
    items.push(...(await provider.listApplications({ page, pageSize: PAGE })).items);
  }
  return items;
}

/** An application whose last rollout may still be open, or failed and worth telling. */
export function lastRolloutWorthReading(app: ApplicationSummary): string | undefined {
  const id = app.native.lastChangeOrderId;
  if (!id) return undefined;
  const open = app.native.lastChangeOrderRunning || app.status === 'waiting' || app.status === 'deploying';
  return open || app.status === 'failed' ? id : undefined;
}

/** The LiveSource of a product whose applications name their last rollout (all four do). */
export function providerLiveSource(
  provider: ApplicationProvider,
  waitKind: WaitKind,
  waitFacts?: LiveSource['waitFacts'],
): LiveSource {
  return {
    waitKind,
    applications: () => allApplications(provider),
    rolloutOf: lastRolloutWorthReading,
    rollout: (id) => provider.getRollout(id),
    ...(waitFacts ? { waitFacts } : {}),
  };
}
