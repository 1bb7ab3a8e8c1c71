import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCloudSim } from '../src/index';
import { expectSdkError, type Json, sae, sdk, startFrozen } from './helpers';

let sim: RunningCloudSim;
let api: ReturnType<typeof sae>;
let appSeq = 0;

beforeAll(async () => {
  sim = await startFrozen();
  api = sae(sdk(sim));
});
afterAll(() => sim.close());

const REGISTRY = 'registry-vpc.cn-hangzhou.aliyuncs.com/test';

async function order(id: string): Promise<Json> {
  return (await api.describeChangeOrder({ ChangeOrderId: id })).Data;
}

/** Steps the simulated clock until the order satisfies `done` (at most 30 simulated minutes). */
async function stepUntil(id: string, done: (o: Json) => boolean, stepMs = 5_000): Promise<Json> {
  for (let i = 0; i < 360; i++) {
    const current = await order(id);
    if (done(current)) return current;
    sim.clock.advance(stepMs);
  }
  throw new Error(`change order ${id} never reached the expected state`);
}

const finished = (o: Json) => [2, 3, 6, 10].includes(o.Status);

/** A running Image app with `replicas` instances at tag 1.0 (and a second version 1.1 when asked). */
async function runningApp(
  replicas: number,
  versions: string[] = ['1.0'],
): Promise<{ appId: string; name: string }> {
  const name = `app-${++appSeq}`;
  const created = await api.createApplication({
    AppName: name,
    NamespaceId: 'cn-hangzhou:dev',
    PackageType: 'Image',
    ImageUrl: `${REGISTRY}/${name}:${versions[0]}`,
    Replicas: replicas,
    Cpu: 1000,
    Memory: 2048,
  });
  const appId = created.Data.AppId as string;
  await stepUntil(created.Data.ChangeOrderId, finished);
  for (const version of versions.slice(1)) {
    const deployed = await api.deployApplication({
      AppId: appId,
      ImageUrl: `${REGISTRY}/${name}:${version}`,
    });
    await stepUntil(deployed.Data.ChangeOrderId, finished);
  }
  return { appId, name };
}

async function instances(appId: string): Promise<Json[]> {
  const groups = await api.describeGroups({ AppId: appId });
  const page = await api.describeInstances({ AppId: appId, GroupId: groups.Data[0].GroupId, PageSize: 100 });
  return page.Data.Instances;
}

const tags = (list: Json[]) => list.map((i) => String(i.ImageUrl).split(':').pop()).sort();

const manual = (batch: number) =>
  JSON.stringify({ type: 'BatchUpdate', batchUpdate: { batch, releaseType: 'manual' } });

describe('seed data', () => {
  it('starts with exactly one rollout waiting for manual batch confirmation: prod/order-service', async () => {
    const all = await api.listApplications({ PageSize: 100 });
    expect(all.Data.TotalSize).toBe(20);
    const waiting: Json[] = [];
    for (const app of all.Data.Applications as Json[]) {
      const status = (await api.describeStatus({ AppId: app.AppId })).Data;
      if (status.LastChangeOrderStatus === 'WAIT_BATCH_CONFIRM') waiting.push({ ...app, status });
    }
    expect(waiting.map((a) => `${a.NamespaceId}/${a.AppName}`)).toEqual(['cn-hangzhou:prod/order-service']);
    const o = await order(waiting[0]?.status.LastChangeOrderId);
    expect(o).toMatchObject({ Status: 8, BatchCount: 3, BatchType: 'manual', CoTypeCode: 'CoDeploy' });
    expect(o.CurrentPipelineId).toBe(o.Pipelines[0].PipelineId);
    expect(o.Pipelines.map((p: Json) => p.Status)).toEqual([2, 0, 0]);
    const pipeline = (await api.describePipeline({ PipelineId: o.CurrentPipelineId })).Data;
    expect(pipeline).toMatchObject({
      ShowBatch: true,
      NextPipelineId: o.Pipelines[1].PipelineId,
      PipelineStatus: 2,
    });
  });

  it('has stopped, never-deployed and failed apps', async () => {
    const list = (await api.listApplications({ PageSize: 100 })).Data.Applications as Json[];
    const find = (ns: string, name: string) =>
      list.find((a) => a.NamespaceId === `cn-hangzhou:${ns}` && a.AppName === name);
    const stopped = await api.describeStatus({ AppId: find('staging', 'report-batch')?.AppId });
    expect(stopped.Data).toMatchObject({
      CurrentStatus: 'STOPPED',
      RunningInstances: 0,
      LastChangeOrderStatus: 'SUCCESS',
    });
    const never = await api.describeStatus({ AppId: find('dev', 'search-indexer')?.AppId });
    expect(never.Data).toMatchObject({ CurrentStatus: 'UNKNOWN', LastChangeOrderId: '' });
    const failed = await api.describeStatus({ AppId: find('staging', 'inventory-service')?.AppId });
    expect(failed.Data).toMatchObject({ LastChangeOrderStatus: 'FAIL', RunningInstances: 0 });
    const versions = await api.listAppVersions({ AppId: find('prod', 'order-service')?.AppId });
    expect(versions.Data.length).toBeGreaterThanOrEqual(3);
  });
});

describe('manual batches', () => {
  it('walks a 3-batch manual deploy through status 8, accepting only the next pipeline', async () => {
    const { appId } = await runningApp(6);
    const deployed = await api.deployApplication({
      AppId: appId,
      ImageUrl: `${REGISTRY}/x:2.0`,
      UpdateStrategy: manual(3),
    });
    const id = deployed.Data.ChangeOrderId as string;
    expect(deployed.Data).toMatchObject({ AppId: appId, IsNeedApproval: false });

    // Another order while this one runs is refused.
    const busy = await expectSdkError(api.restartApplication({ AppId: appId }));
    expect(busy.code).toBe('Application.ChangerOrderRunning');

    for (let batch = 1; batch <= 2; batch++) {
      const waiting = await stepUntil(id, (o) => o.Status === 8);
      const current = waiting.Pipelines.findIndex((p: Json) => p.PipelineId === waiting.CurrentPipelineId);
      expect(current).toBe(batch - 1);
      expect(tags(await instances(appId)).filter((t) => t === '2.0')).toHaveLength(batch * 2);
      // Neither the finished pipeline, nor one further ahead, nor a made-up id may be confirmed.
      for (const wrong of [
        waiting.CurrentPipelineId,
        waiting.Pipelines[current + 2]?.PipelineId ?? 'nope',
        'nope',
      ]) {
        const refused = await expectSdkError(api.confirmPipelineBatch({ PipelineId: wrong, Confirm: true }));
        expect(refused.code).toBe('Pipeline.Can.Not.Start.Next.Batch');
      }
      const next = waiting.Pipelines[current + 1].PipelineId;
      const confirmed = await api.confirmPipelineBatch({ PipelineId: next, Confirm: true });
      expect(confirmed.Data).toEqual({ PipelineId: next });
      expect((await order(id)).Status).toBe(1);
      // Confirming again while the batch runs is refused too.
      const again = await expectSdkError(api.confirmPipelineBatch({ PipelineId: next, Confirm: true }));
      expect(again.code).toBe('Pipeline.Can.Not.Start.Next.Batch');
    }
    const done = await stepUntil(id, finished);
    expect(done.Status).toBe(2);
    expect(done.Pipelines.map((p: Json) => p.Status)).toEqual([2, 2, 2]);
    expect(tags(await instances(appId))).toEqual(Array(6).fill('2.0'));
    const status = (await api.describeStatus({ AppId: appId })).Data;
    expect(status).toMatchObject({
      RunningInstances: 6,
      LastChangeOrderStatus: 'SUCCESS',
      CurrentStatus: 'RUNNING',
    });
    const versions = (await api.listAppVersions({ AppId: appId })).Data;
    expect(versions[0]).toMatchObject({ Type: 'image', WarUrl: `${REGISTRY}/x:2.0` });
  });

  it('terminates the flow on Confirm=false', async () => {
    const { appId } = await runningApp(4);
    const id = (
      await api.deployApplication({ AppId: appId, ImageUrl: `${REGISTRY}/x:2.0`, UpdateStrategy: manual(2) })
    ).Data.ChangeOrderId;
    const waiting = await stepUntil(id, (o) => o.Status === 8);
    await api.confirmPipelineBatch({ PipelineId: waiting.Pipelines[1].PipelineId, Confirm: false });
    const ended = await order(id);
    expect(ended.Status).toBe(6);
    expect(tags(await instances(appId))).toEqual(['1.0', '1.0', '2.0', '2.0']);
    expect((await api.describeStatus({ AppId: appId })).Data.LastChangeOrderStatus).toBe('ABORT');
  });

  it('aborts a waiting order without rollback, then refuses to abort it again', async () => {
    const { appId } = await runningApp(4);
    const id = (
      await api.deployApplication({ AppId: appId, ImageUrl: `${REGISTRY}/x:2.0`, UpdateStrategy: manual(2) })
    ).Data.ChangeOrderId;
    await stepUntil(id, (o) => o.Status === 8);
    await api.abortChangeOrder({ ChangeOrderId: id });
    expect((await order(id)).Status).toBe(6);
    expect(tags(await instances(appId))).toEqual(['1.0', '1.0', '2.0', '2.0']);
    const again = await expectSdkError(api.abortChangeOrder({ ChangeOrderId: id }));
    expect(again.code).toBe('Application.ChangerOrder.Not.Running');
  });

  it('aborts and rolls back to the previous version with a CoRollback order', async () => {
    const { appId } = await runningApp(4, ['1.0', '1.1']);
    const id = (
      await api.deployApplication({ AppId: appId, ImageUrl: `${REGISTRY}/x:2.0`, UpdateStrategy: manual(2) })
    ).Data.ChangeOrderId;
    await stepUntil(id, (o) => o.Status === 8);
    const rollback = await api.abortAndRollback({ ChangeOrderId: id });
    const rollbackId = rollback.Data.ChangeOrderId as string;
    expect(rollbackId).not.toBe(id);
    expect((await order(id)).Status).toBe(6);
    const done = await stepUntil(rollbackId, finished);
    expect(done).toMatchObject({ Status: 2, CoTypeCode: 'CoRollback' });
    expect(tags(await instances(appId))).toEqual(['1.1', '1.1', '1.1', '1.1']);
    const config = (await api.describeConfig({ AppId: appId })).Data;
    expect(config.ImageUrl).toMatch(/:1\.1$/);
  });
});

describe('failures and rollbacks', () => {
  it('a `fail` tag in a single batch ends at status 3 without rollback', async () => {
    const { appId } = await runningApp(2);
    const id = (await api.deployApplication({ AppId: appId, ImageUrl: `${REGISTRY}/x:fail` })).Data
      .ChangeOrderId;
    const done = await stepUntil(id, finished);
    expect(done.Status).toBe(3);
    expect(done.ErrorMessage).toContain('Failed to pull image');
    const list = await instances(appId);
    expect(list.map((i) => i.InstanceContainerStatus)).toEqual(['ErrImagePull', 'ErrImagePull']);
    expect((await api.describeStatus({ AppId: appId })).Data).toMatchObject({
      RunningInstances: 0,
      LastChangeOrderStatus: 'FAIL',
    });
    const pipeline = (await api.describePipeline({ PipelineId: done.Pipelines[0].PipelineId })).Data;
    const failedTask = pipeline.StageList[0].TaskList.find((t: Json) => t.Status === 3);
    expect(failedTask).toMatchObject({ ErrorCode: 'ErrImagePull' });
    const events = await api.listAppEvents({
      Namespace: 'cn-hangzhou:dev',
      AppId: appId,
      EventType: 'Warning',
      Reason: 'BackOff',
    });
    expect(events.Data.TotalSize).toBeGreaterThan(0);
    // RollbackApplication restores the last good version.
    const good = (await api.listAppVersions({ AppId: appId })).Data[0];
    const rb = await api.rollbackApplication({ AppId: appId, VersionId: good.Id });
    const rbDone = await stepUntil(rb.Data.ChangeOrderId, finished);
    expect(rbDone).toMatchObject({ Status: 2, CoTypeCode: 'CoDeployHistroy' });
    expect(tags(await instances(appId))).toEqual(['1.0', '1.0']);
  });

  it('a `fail` tag in a multi-batch deploy rolls back automatically', async () => {
    const { appId } = await runningApp(4, ['1.0', '1.1']);
    const strategy = JSON.stringify({
      type: 'GrayBatchUpdate',
      batchUpdate: { batch: 2, releaseType: 'auto', batchWaitTime: 0 },
      grayUpdate: { gray: 1 },
    });
    const id = (
      await api.deployApplication({ AppId: appId, ImageUrl: `${REGISTRY}/x:fail`, UpdateStrategy: strategy })
    ).Data.ChangeOrderId;
    const done = await stepUntil(id, finished);
    expect(done.Status).toBe(3);
    expect(done.BatchCount).toBe(3);
    expect(done.ErrorMessage).toMatch(/Automatic rollback/);
    const status = (await api.describeStatus({ AppId: appId })).Data;
    const rollback = await stepUntil(status.LastChangeOrderId, finished);
    expect(rollback).toMatchObject({ Status: 2, CoTypeCode: 'CoRollback' });
    expect(tags(await instances(appId))).toEqual(['1.1', '1.1', '1.1', '1.1']);
    expect((await api.describeStatus({ AppId: appId })).Data.RunningInstances).toBe(4);
  });

  it('a `stuck` tag keeps the order running with SubStatus 1 until abort-and-rollback', async () => {
    const { appId } = await runningApp(2);
    const id = (await api.deployApplication({ AppId: appId, ImageUrl: `${REGISTRY}/x:stuck` })).Data
      .ChangeOrderId;
    const stuck = await stepUntil(id, (o) => o.SubStatus === 1);
    sim.clock.advance(10 * 60_000);
    expect(await order(id)).toMatchObject({ Status: 1, SubStatus: 1 });
    expect((await api.describeStatus({ AppId: appId })).Data).toMatchObject({
      SubStatus: 'RUNNING_BUT_HAS_ERROR',
      LastChangeOrderRunning: true,
    });
    expect(stuck.Pipelines[0].Status).toBe(3);
    const rb = await api.abortAndRollback({ ChangeOrderId: id });
    await stepUntil(rb.Data.ChangeOrderId, finished);
    expect(tags(await instances(appId))).toEqual(['1.0', '1.0']);
  });
});

describe('lifecycle', () => {
  it('stops, starts, rescales, resizes and deletes', async () => {
    const { appId } = await runningApp(2);
    await stepUntil((await api.stopApplication({ AppId: appId })).Data.ChangeOrderId, finished);
    expect((await api.describeStatus({ AppId: appId })).Data).toMatchObject({
      CurrentStatus: 'STOPPED',
      RunningInstances: 0,
    });
    await stepUntil((await api.startApplication({ AppId: appId })).Data.ChangeOrderId, finished);
    expect((await api.describeStatus({ AppId: appId })).Data.RunningInstances).toBe(2);
    const out = await api.rescaleApplication({ AppId: appId, Replicas: 3 });
    expect(out).not.toHaveProperty('TraceId');
    expect((await stepUntil(out.Data.ChangeOrderId, finished)).CoTypeCode).toBe('CoScaleOut');
    expect(await instances(appId)).toHaveLength(3);
    const bad = await expectSdkError(api.rescaleVertically({ AppId: appId, Cpu: '3000', Memory: '2048' }));
    expect(bad.code).toBe('InvalidInstanceSpecification.Unsupported');
    await stepUntil(
      (await api.rescaleVertically({ AppId: appId, Cpu: '2000', Memory: '4096' })).Data.ChangeOrderId,
      finished,
    );
    const usage = (await api.queryResourceStatics({ AppId: appId })).Data;
    expect(usage.RealTimeRes).toEqual({ Cpu: 6, Memory: 12 });
    expect(usage.Summary.Cpu).toBeGreaterThan(0);
    const log = (await api.describeInstanceLog({ InstanceId: (await instances(appId))[0]?.InstanceId })).Data;
    expect(log).toContain('Started');
    const del = await api.deleteApplication({ AppId: appId });
    const listed = (await api.listApplications({ FieldType: 'appIds', FieldValue: appId })).Data.Applications;
    expect(listed[0].AppDeletingStatus).toBe(true);
    await stepUntil(del.Data.ChangeOrderId, finished);
    const gone = await expectSdkError(api.describeStatus({ AppId: appId }));
    expect([gone.statusCode, gone.code]).toEqual([404, 'InvalidAppId.NotFound']);
  });
});
