import type { ApiError, ApplicationDetail, ApplicationPage, AuditPage, ScalingRule } from '@console/contract';
import { ConsoleClient, type Stack, startStack } from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: Stack;
let admin: ConsoleClient;
let operator: ConsoleClient;
let viewer: ConsoleClient;
let rules: string;

beforeAll(async () => {
  stack = await startStack();
  [admin, operator, viewer] = await Promise.all([
    ConsoleClient.login(stack.bff.url, 'admin', 'admin-demo-1'),
    ConsoleClient.login(stack.bff.url, 'operator', 'operator-demo-1'),
    ConsoleClient.login(stack.bff.url, 'viewer', 'viewer-demo-1'),
  ]);
  const page = await viewer.get<ApplicationPage>(
    '/api/accounts/sae-demo/applications?status=running&pageSize=100',
  );
  for (const app of page.body.items) {
    const detail = await viewer.get<ApplicationDetail>(`/api/accounts/sae-demo/applications/${app.id}`);
    if (!detail.body.native.lastChangeOrderRunning) {
      rules = `/api/accounts/sae-demo/applications/${app.id}/scaling-rules`;
      return;
    }
  }
  throw new Error('no idle running application in the demo data');
});

afterAll(() => stack?.stop());

const list = async () => (await viewer.get<ScalingRule[]>(rules)).body;
const timer = {
  beginDate: null,
  endDate: null,
  period: '* * Mon,Fri',
  schedules: [
    { atTime: '08:00', targetReplicas: 4 },
    { atTime: '20:00', targetReplicas: 2 },
  ],
};

describe('scaling rules through the console API', () => {
  it('creates, edits, switches on and off, and deletes a timing rule; each step audited', async () => {
    const created = await operator.post<ScalingRule>(rules, { name: 'workdays', type: 'timing', timer });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'workdays', type: 'timing', enabled: false });
    expect(created.body.timer?.schedules).toEqual(timer.schedules);

    const edited = await operator.request<ScalingRule>('PUT', `${rules}/workdays`, {
      timer: { ...timer, period: '* * *', schedules: [{ atTime: '09:30', targetReplicas: 3 }] },
    });
    expect(edited.status).toBe(200);
    const listed = (await list()).find((r) => r.name === 'workdays');
    expect(listed?.timer).toMatchObject({
      period: '* * *',
      schedules: [{ atTime: '09:30', targetReplicas: 3 }],
    });

    expect((await operator.post(`${rules}/workdays/enable`)).status).toBe(200);
    expect((await list()).find((r) => r.name === 'workdays')?.enabled).toBe(true);
    expect((await operator.post(`${rules}/workdays/disable`)).status).toBe(200);
    expect((await list()).find((r) => r.name === 'workdays')?.enabled).toBe(false);

    expect((await operator.request('DELETE', `${rules}/workdays`)).status).toBe(200);
    expect((await list()).some((r) => r.name === 'workdays')).toBe(false);
    const again = await operator.request<ApiError>('DELETE', `${rules}/workdays`);
    expect(again.status).toBe(404);

    const audit = await admin.get<AuditPage>('/api/audit?pageSize=200');
    const mine = audit.body.items.filter((r) => r.resource?.endsWith('/scaling-rule/workdays'));
    expect(mine.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'scaling-rule-create',
        'scaling-rule-update',
        'scaling-rule-enable',
        'scaling-rule-disable',
        'scaling-rule-delete',
      ]),
    );
  });

  it('creates a metric rule with its thresholds and steps', async () => {
    const metric = {
      minReplicas: 1,
      maxReplicas: 5,
      metrics: [
        { type: 'CPU', target: 60 },
        { type: 'MEMORY', target: 70 },
      ],
      scaleUp: { step: 100, stabilizationWindowSeconds: 0, disabled: false },
      scaleDown: { step: 50, stabilizationWindowSeconds: 300, disabled: false },
    };
    const created = await operator.post<ScalingRule>(rules, { name: 'by-load', type: 'metric', metric });
    expect(created.status).toBe(200);
    const listed = (await list()).find((r) => r.name === 'by-load');
    expect(listed?.metric).toMatchObject({ minReplicas: 1, maxReplicas: 5, metrics: metric.metrics });
    expect((await operator.request('DELETE', `${rules}/by-load`)).status).toBe(200);
  });

  it('refuses bad rules with a 400 naming the field, and viewers with a 403', async () => {
    const upper = await operator.post<ApiError>(rules, { name: 'Bad', type: 'timing', timer });
    expect(upper.status).toBe(400);
    expect(upper.body.error.field).toBe('name');
    const noTimer = await operator.post<ApiError>(rules, { name: 'no-timer', type: 'timing' });
    expect(noTimer.body.error.field).toBe('timer');
    const inverted = await operator.post<ApiError>(rules, {
      name: 'inverted',
      type: 'metric',
      metric: { minReplicas: 5, maxReplicas: 2, metrics: [{ type: 'CPU', target: 50 }] },
    });
    expect(inverted.body.error.field).toBe('metric.minReplicas');
    const badTime = await operator.post<ApiError>(rules, {
      name: 'bad-time',
      type: 'timing',
      timer: { ...timer, schedules: [{ atTime: '25:00', targetReplicas: 1 }] },
    });
    expect(badTime.body.error.field).toBe('timer.schedules.0.atTime');
    expect((await viewer.post(rules, { name: 'viewer', type: 'timing', timer })).status).toBe(403);
    expect((await list()).map((r) => r.name)).not.toContain('viewer');
  });
});
