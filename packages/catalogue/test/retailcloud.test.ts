import { readSeed } from '@console/testkit/seeds';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  deployOrderStatuses,
  monitorMetricNames,
  monitorMetrics,
  pauseTypes,
  type RetailCloudActionName,
  type RetailCloudParamName,
  retailCloudActionByName,
  retailCloudActions,
  retailCloudFamilyTitles,
  updateStrategyTypes,
} from '../src';

const seed = readSeed('002');
// The PDF dump breaks words across lines ("OfflineAppEnviro\nnment", "RepeatLi\nst"), so table rows
// are matched with all whitespace removed.
const flat = seed.replace(/\s+/g, '');

function seedActionNames(): Set<string> {
  const names = new Set<string>();
  for (const m of flat.matchAll(/ActionString是([A-Za-z]+?)系统规定参数/g)) names.add(m[1] as string);
  // RemoveClusterNode's table has no Action row; its request example names it.
  for (const m of seed.matchAll(/[?&]Action=([A-Za-z]+)/g)) names.add(m[1] as string);
  return names;
}

describe('Retail Cloud catalogue', () => {
  const names = retailCloudActions.map((a) => a.name);

  it('lists 82 actions with unique names', () => {
    expect(retailCloudActions).toHaveLength(82);
    expect(new Set(names).size).toBe(82);
  });

  it('matches the set of actions the seed documents, both ways', () => {
    const documented = seedActionNames();
    expect([...documented].sort()).toEqual([...names].sort());
  });

  it('spreads the actions over the 17 seed families', () => {
    expect(Object.keys(retailCloudFamilyTitles)).toHaveLength(17);
    const counts: Record<string, number> = {};
    for (const a of retailCloudActions) counts[a.family] = (counts[a.family] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(Object.keys(retailCloudFamilyTitles).sort());
    expect(counts.deploy).toBe(9);
    expect(counts.rds).toBe(9);
  });

  it('has no duplicate parameter names within an action', () => {
    for (const a of retailCloudActions) {
      const params = a.params.map((p) => p.name);
      expect(new Set(params).size, a.name).toBe(params.length);
    }
  });

  it('documents every parameter with the seed row name + type + required flag', () => {
    for (const a of retailCloudActions) {
      for (const p of a.params) {
        if ('source' in p) continue;
        const row = `${p.name}${p.type}${p.required ? '是' : '否'}`;
        expect(flat.includes(row), `${a.name} ${row}`).toBe(true);
      }
    }
  });

  it('flattens every list parameter the way the SDK sends it', () => {
    for (const a of retailCloudActions) {
      for (const p of a.params) {
        if (!p.name.includes('.N')) continue;
        expect('flat' in p && p.flat, `${a.name} ${p.name}`).toBe(p.name.replace('.N', '.1'));
        expect('list' in p && p.list).toBe(p.name.split('.')[0]);
      }
    }
  });

  it('keeps the seed spellings that drift between actions', () => {
    const params = (n: RetailCloudActionName) => retailCloudActionByName[n].params.map((p) => p.name);
    expect(params('DescribeEventMonitorList')).toContain('PageNum');
    expect(params('ListCluster')).toContain('PageNum');
    expect(params('ListUsers')).toContain('PageNumber');
    expect(params('DeleteDatabase')).toEqual(['DBInstanceId', 'DBName']);
    expect(params('DescribeDatabases')).toEqual(['InstanceId']);
    expect(params('DescribePodLog')).toContain('AppInstId');
    expect(params('CreateCluster')).toContain('Vswitchids.N');
    const dm = retailCloudActionByName.DescribeAppMonitorMetric.params.find(
      (p) => p.name === 'DeployOrderId',
    );
    expect(dm?.type).toBe('String');
  });

  it('records each action envelope with its own error key', () => {
    const envelope = (n: RetailCloudActionName) => retailCloudActionByName[n].envelope;
    expect(envelope('CreateApp')).toEqual(['Code', 'ErrMsg', 'RequestId', 'Result']);
    expect(envelope('DescribeAppDetail')).toContain('ErrMessage');
    expect(envelope('CreateDeployConfig')).toContain('ErrMessage');
    expect(envelope('ListApp')).toContain('ErrorMsg');
    expect(envelope('ListApp')).not.toContain('PageNumber');
    expect(envelope('ListAppInstance')).toContain('ErrMsg');
    expect(envelope('DeployApp')).toContain('Success');
    for (const a of retailCloudActions) {
      expect(a.envelope, a.name).toContain('RequestId');
      expect(a.envelope, a.name).toContain('Code');
      for (const top of a.envelope) expect(a.response.some((f) => f.path === top)).toBe(true);
    }
    const jobLog = retailCloudActionByName.DescribeJobLog.response.map((f) => f.path);
    expect(jobLog).toContain('Result.Events[].Mesage');
  });

  it('lists system.error 500 only where the seed has an error table', () => {
    const withErrors = retailCloudActions.filter((a) => a.errors.length > 0).map((a) => a.name);
    expect(withErrors.sort()).toEqual(
      ['DescribeAppMonitorMetric', 'DescribeEventMonitorList', 'DescribePodContainerLogList'].sort(),
    );
    expect(retailCloudActionByName.DescribeAppMonitorMetric.errors[0]).toMatchObject({
      httpStatus: 500,
      code: 'system.error',
    });
  });

  it('has the 14 monitor metrics and the engine enumerations', () => {
    expect(monitorMetricNames).toHaveLength(14);
    for (const metric of monitorMetricNames) {
      expect(seed.replace(/\s+/g, '').includes(`"${metric}",`), metric).toBe(true);
    }
    expect(monitorMetrics['pod.cpu.usage_rate']).toBe('实例CPU使用量');
    expect(Object.keys(deployOrderStatuses)).toEqual(['0', '1', '2', '3']);
    expect(Object.keys(pauseTypes)).toEqual(['first', 'each', 'none']);
    expect(updateStrategyTypes).toEqual(['offline_old_then_online_new', 'online_new_then_offline_old']);
  });

  it('types action and parameter names from the data', () => {
    expectTypeOf<'DeployApp'>().toMatchTypeOf<RetailCloudActionName>();
    expectTypeOf<'PauseType'>().toMatchTypeOf<RetailCloudParamName<'DeployApp'>>();
    // @ts-expect-error not an action of seed 002
    const missing: RetailCloudActionName = 'RestartAppInstance';
    expect(missing).toBeDefined();
  });
});
