import { describe, expect, it } from 'vitest';
import { SimClock } from '../src/clock';
import { planBatches } from '../src/sae/engine';
import { SaeWorld } from '../src/sae/world';

const START = Date.UTC(2025, 5, 15, 8, 0, 0);

function world() {
  const clock = new SimClock({ timeScale: 0, start: START });
  return { clock, sae: new SaeWorld({ clock }) };
}

/** A summary of everything observable, to compare two worlds. */
function snapshot(sae: SaeWorld) {
  const { store } = sae;
  return {
    apps: store.liveApps().map((a) => [a.AppId, a.AppName, a.versionIds.length]),
    instances: [...store.instances.values()].map((i) => [i.InstanceId, i.status, i.health, i.revision]),
    orders: [...store.orders.values()].map((o) => [
      o.ChangeOrderId,
      o.Status,
      o.pipelines.map((p) => p.Status),
    ]),
    events: store.events.length,
  };
}

describe('change-order engine', () => {
  it('splits instances into gray and regular batches', () => {
    expect(planBatches(6, { type: 'BatchUpdate', batchUpdate: { batch: 3, releaseType: 'manual' } })).toEqual(
      [2, 2, 2],
    );
    expect(planBatches(5, { type: 'BatchUpdate', batchUpdate: { batch: 2, releaseType: 'auto' } })).toEqual([
      3, 2,
    ]);
    expect(
      planBatches(5, {
        type: 'GrayBatchUpdate',
        batchUpdate: { batch: 2, releaseType: 'auto' },
        grayUpdate: { gray: 1 },
      }),
    ).toEqual([1, 2, 2]);
    expect(planBatches(2, { type: 'BatchUpdate', batchUpdate: { batch: 5, releaseType: 'auto' } })).toEqual([
      1, 1,
    ]);
    expect(planBatches(4, undefined)).toEqual([4]);
    expect(planBatches(1, { type: 'BatchUpdate', batchUpdate: { batch: 3, releaseType: 'manual' } })).toEqual(
      [1],
    );
  });

  it('is deterministic for a given clock, however time is stepped', () => {
    const a = world();
    const b = world();
    expect(snapshot(a.sae)).toEqual(snapshot(b.sae));
    // One world takes one big step, the other many small ones: same result.
    a.clock.advance(5 * 60_000);
    a.sae.advance();
    for (let i = 0; i < 300; i++) {
      b.clock.advance(1_000);
      b.sae.advance();
    }
    expect(snapshot(a.sae)).toEqual(snapshot(b.sae));
  });

  it('moves the seeded automatic rollout on its own, and keeps the manual one waiting', () => {
    const { clock, sae } = world();
    const auto = sae.findApp('cn-hangzhou:prod', 'payment-gateway');
    const autoOrder = auto && sae.engine.unfinishedOrder(auto.AppId);
    expect(autoOrder?.Status).toBe(1);
    const statuses = new Set<number>();
    for (let i = 0; i < 60 && autoOrder; i++) {
      clock.advance(5_000);
      sae.advance();
      statuses.add(autoOrder.Status);
    }
    expect([...statuses]).toEqual(expect.arrayContaining([9, 1, 2]));
    expect(autoOrder?.Status).toBe(2);
    expect(sae.waitingOrder()?.Status).toBe(8);
  });

  it('reset() reseeds: same ids, the manual rollout waiting again', () => {
    const { clock, sae } = world();
    const before = snapshot(sae);
    const waiting = sae.waitingOrder();
    if (!waiting) throw new Error('no waiting order');
    sae.engine.abort(waiting, clock.now());
    expect(sae.waitingOrder()).toBeUndefined();
    sae.reset();
    expect(snapshot(sae).apps).toEqual(before.apps);
    expect(sae.waitingOrder()).toMatchObject({ ChangeOrderId: waiting.ChangeOrderId, Status: 8 });
  });
});
