import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  changeOrderStatuses,
  isValidCpuMemory,
  type SaeParams,
  saeApiByName,
  saeApis,
  saeErrors,
  saeFamilyTitles,
} from '../src';

describe('SAE catalogue', () => {
  it('lists the 79 APIs of seed 000 with unique names and method + path', () => {
    expect(saeApis).toHaveLength(79);
    expect(new Set(saeApis.map((a) => a.name)).size).toBe(79);
    expect(new Set(saeApis.map((a) => `${a.method} ${a.path}`)).size).toBe(79);
    const families = Object.fromEntries(Object.keys(saeFamilyTitles).map((f) => [f, 0]));
    for (const api of saeApis) families[api.family] = (families[api.family] ?? 0) + 1;
    expect(families).toEqual({
      service: 1,
      namespace: 13,
      appInfo: 13,
      scaling: 7,
      lifecycle: 16,
      job: 2,
      changeOrder: 7,
      slb: 3,
      microservice: 4,
      tag: 3,
      configMap: 5,
      greyTagRoute: 5,
    });
  });

  it('keeps the documented details that matter to clients', () => {
    expect(saeApiByName.ConfirmPipelineBatch).toMatchObject({ method: 'GET', mutatingGet: true });
    expect(saeApiByName.ListAppEvents.params.find((p) => p.required)?.name).toBe('Namespace');
    expect(saeApiByName.RescaleApplicationVertically.params.find((p) => p.name === 'Cpu')?.type).toBe(
      'string',
    );
    expect(saeApiByName.DeployApplication.params.find((p) => p.name === 'UpdateStrategy')?.type).toBe('json');
    expect(saeApiByName.CreateApplication.params.find((p) => p.name === 'ConfigMapMountDesc')?.in).toBe(
      'formData',
    );
    expect(saeApiByName.RollbackApplication.coType).toBe('CoDeployHistroy');
    expect(changeOrderStatuses[8].name).toBe('WAIT_BATCH_CONFIRM');
    expect(saeErrors['Application.ChangerOrderRunning'].status).toBe(400);
    expect(saeErrors['InvalidAppId.NotFound'].status).toBe(404);
    expect(isValidCpuMemory(2000, 4096)).toBe(true);
    expect(isValidCpuMemory(3000, 4096)).toBe(false);
  });

  it('derives request parameter types', () => {
    const confirm: SaeParams<'ConfirmPipelineBatch'> = { PipelineId: 'p', Confirm: true };
    expectTypeOf(confirm.Confirm).toEqualTypeOf<boolean>();
    // @ts-expect-error PipelineId is required
    const missing: SaeParams<'ConfirmPipelineBatch'> = { Confirm: true };
    expect(missing).toBeDefined();
    expectTypeOf<SaeParams<'RescaleApplication'>['Replicas']>().toEqualTypeOf<number>();
  });
});
