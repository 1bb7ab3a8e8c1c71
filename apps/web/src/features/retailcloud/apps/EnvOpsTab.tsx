import type { RcPvc, RcService, RcSlbAp, Role } from '@console/contract';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/Button';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { inputBase } from '../../../components/Field';
import { Pager } from '../../../components/Pager';
import { QueryView } from '../../../components/QueryView';
import { RowActions } from '../../../components/RowActions';
import { SectionHeader } from '../../../components/SectionHeader';
import { Loading } from '../../../components/Spinner';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';
import { patchSearchParams } from '../search-params';
import {
  type JobStatus,
  type RcChange,
  rcChange,
  useRcBaseline,
  useRcChange,
  useRcJobs,
  useRcPvcs,
  useRcServices,
  useRcSlbAps,
} from './api';
import { JobLogDialog, PvcDialog, ServiceDialog, SlbApDialog } from './EnvOpsDialogs';
import { blockedFor, enumLabel } from './parts';

interface Props {
  accountId: string;
  appId: string;
  role: Role;
}

/** One confirmation for deleting an access point, a service or a claim. */
function DeleteDialog({
  accountId,
  title,
  change,
  onClose,
}: {
  accountId: string;
  title: string;
  change: RcChange;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const mutation = useRcChange(accountId);
  return (
    <ConfirmActionDialog
      title={title}
      confirmLabel={t('rcApps.delete')}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
      onConfirm={() => mutation.mutate(change, { onSuccess: onClose })}
      testId="rc-ops-delete-dialog"
      confirmTestId="rc-ops-delete-submit"
    >
      <p>{t('rcApps.ops.deleteBody')}</p>
    </ConfirmActionDialog>
  );
}

function Baseline({ accountId, appId }: Omit<Props, 'role'>) {
  const { t } = useI18n();
  const baseline = useRcBaseline(accountId, appId);
  return (
    <section data-testid="rc-baseline">
      <SectionHeader title={t('rcApps.baseline.title')} />
      {baseline.error ? <ErrorPanel error={baseline.error} onRetry={() => void baseline.refetch()} /> : null}
      {baseline.isPending ? (
        <Loading />
      ) : baseline.data?.baseline ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <dt className="text-slate-500">{t('rcApps.baseline.packet')}</dt>
          <dd>
            <code className="break-all text-xs" data-testid="rc-baseline-url">
              {baseline.data.baseline.packetUrl || '—'}
            </code>
          </dd>
          <dt className="text-slate-500">{t('rcApps.baseline.comment')}</dt>
          <dd>{baseline.data.baseline.packetComment || '—'}</dd>
          <dt className="text-slate-500">{t('rcApps.baseline.schema')}</dt>
          <dd>
            <code className="text-xs">{baseline.data.baseline.schemaId}</code>
          </dd>
          <dt className="text-slate-500">{t('rcApps.baseline.created')}</dt>
          <dd>{formatTime(baseline.data.baseline.createTime)}</dd>
        </dl>
      ) : (
        <p className="text-sm text-slate-500">{t('rcApps.baseline.none')}</p>
      )}
    </section>
  );
}

function SlbAps({ accountId, appId, role }: Props) {
  const { t } = useI18n();
  const aps = useRcSlbAps(accountId, appId);
  const [open, setOpen] = useState<{ kind: 'create' } | { kind: 'edit' | 'delete'; ap: RcSlbAp } | null>(
    null,
  );
  const blocked = blockedFor(role, t);
  const extras = (ap: RcSlbAp) =>
    [
      ap.establishedTimeout !== undefined ? t('rcApps.slb.timeoutShort', { s: ap.establishedTimeout }) : '',
      ap.stickySession === 1 ? t('rcApps.slb.stickySession') : '',
      ap.cookieTimeout !== undefined ? t('rcApps.slb.cookieShort', { s: ap.cookieTimeout }) : '',
      ap.sslCertId ? `SSL ${ap.sslCertId}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <section>
      <SectionHeader
        title={t('rcApps.slb.title')}
        action={{
          label: t('rcApps.slb.create'),
          testId: 'rc-slb-create',
          disabledReason: blocked,
          onClick: () => setOpen({ kind: 'create' }),
        }}
      />
      <QueryView query={aps} fallback={[]}>
        {(rows) => (
          <DataTable
            testId="rc-slb-table"
            head={[
              t('rcApps.slb.name'),
              t('rcApps.slb.address'),
              t('rcApps.slb.protocol'),
              t('rcApps.slb.ports'),
              t('rcApps.slb.extras'),
              t('rcApps.actions'),
            ]}
            rows={rows}
            row={(ap) => (
              <tr key={ap.slbApId} data-testid="rc-slb-row">
                <Td>
                  <span className="font-medium">{ap.name}</span>{' '}
                  <code className="text-xs text-slate-500">{ap.slbApId}</code>
                </Td>
                <Td>
                  <code className="text-xs">{ap.slbIp}</code>{' '}
                  <span className="text-xs text-slate-500">
                    {enumLabel(t, 'rcApps.slb.mode', ap.networkMode)} · {ap.slbId}
                  </span>
                </Td>
                <Td>{ap.protocol}</Td>
                <Td>
                  <span data-testid="rc-slb-ports">
                    {ap.listenerPort} → {ap.realServerPort}
                  </span>
                </Td>
                <Td className="text-xs">{extras(ap) || '—'}</Td>
                <Td>
                  <RowActions
                    actions={[
                      {
                        label: t('rcApps.edit'),
                        testId: 'rc-slb-edit',
                        disabledReason: blocked,
                        onClick: () => setOpen({ kind: 'edit', ap }),
                      },
                      {
                        label: t('rcApps.delete'),
                        testId: 'rc-slb-delete',
                        disabledReason: blocked,
                        onClick: () => setOpen({ kind: 'delete', ap }),
                      },
                    ]}
                  />
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {open?.kind === 'create' ? (
        <SlbApDialog accountId={accountId} appId={appId} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'edit' ? (
        <SlbApDialog accountId={accountId} appId={appId} ap={open.ap} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteDialog
          accountId={accountId}
          title={t('rcApps.slb.deleteTitle', { name: open.ap.name })}
          change={rcChange.deleteSlbAp(appId, open.ap.slbApId)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

function Services({ accountId, appId, role }: Props) {
  const { t } = useI18n();
  const services = useRcServices(accountId, appId);
  const [open, setOpen] = useState<
    { kind: 'create' } | { kind: 'edit' | 'delete'; service: RcService } | null
  >(null);
  const blocked = blockedFor(role, t);
  return (
    <section>
      <SectionHeader
        title={t('rcApps.svc.title')}
        action={{
          label: t('rcApps.svc.create'),
          testId: 'rc-svc-create',
          disabledReason: blocked,
          onClick: () => setOpen({ kind: 'create' }),
        }}
      />
      <QueryView query={services} fallback={[]}>
        {(rows) => (
          <DataTable
            testId="rc-svc-table"
            head={[
              t('rcApps.svc.name'),
              t('rcApps.svc.k8sServiceId'),
              t('rcApps.svc.type'),
              t('rcApps.svc.ports'),
              t('rcApps.actions'),
            ]}
            rows={rows}
            row={(s) => (
              <tr key={s.serviceId} data-testid="rc-svc-row">
                <Td>
                  <span className="font-medium">{s.name}</span>{' '}
                  <code className="text-xs text-slate-500">{s.serviceId}</code>
                </Td>
                <Td>
                  <code className="text-xs">{s.k8sServiceId}</code>
                </Td>
                <Td>
                  {s.serviceType}
                  {s.headless ? (
                    <span className="ml-1 text-xs text-slate-500">{t('rcApps.svc.headlessShort')}</span>
                  ) : null}
                </Td>
                <Td>
                  <ul className="text-xs" data-testid="rc-svc-ports">
                    {s.portMappings.map((p) => (
                      <li key={`${p.name}-${p.port}`}>
                        {p.name}: {p.port} → {p.targetPort}/{p.protocol}
                        {p.nodePort ? ` (NodePort ${p.nodePort})` : ''}
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td>
                  <RowActions
                    actions={[
                      {
                        label: t('rcApps.edit'),
                        testId: 'rc-svc-edit',
                        disabledReason: blocked,
                        onClick: () => setOpen({ kind: 'edit', service: s }),
                      },
                      {
                        label: t('rcApps.delete'),
                        testId: 'rc-svc-delete',
                        disabledReason: blocked,
                        onClick: () => setOpen({ kind: 'delete', service: s }),
                      },
                    ]}
                  />
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {open?.kind === 'create' ? (
        <ServiceDialog accountId={accountId} appId={appId} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'edit' ? (
        <ServiceDialog
          accountId={accountId}
          appId={appId}
          service={open.service}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteDialog
          accountId={accountId}
          title={t('rcApps.svc.deleteTitle', { name: open.service.name })}
          change={rcChange.deleteService(appId, open.service.serviceId)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

function Pvcs({ accountId, appId, role }: Props) {
  const { t } = useI18n();
  const pvcs = useRcPvcs(accountId, appId);
  const [open, setOpen] = useState<{ kind: 'create' } | { kind: 'delete'; pvc: RcPvc } | null>(null);
  const blocked = blockedFor(role, t);
  return (
    <section>
      <SectionHeader
        title={t('rcApps.pvc.title')}
        action={{
          label: t('rcApps.pvc.create'),
          testId: 'rc-pvc-create',
          disabledReason: blocked,
          onClick: () => setOpen({ kind: 'create' }),
        }}
      />
      <QueryView query={pvcs} fallback={[]}>
        {(rows) => (
          <DataTable
            testId="rc-pvc-table"
            head={[
              t('rcApps.pvc.name'),
              t('rcApps.pvc.status'),
              t('rcApps.pvc.capacity'),
              t('rcApps.pvc.accessModes'),
              t('rcApps.pvc.storageClass'),
              t('rcApps.pvc.volume'),
              t('rcApps.actions'),
            ]}
            rows={rows}
            row={(p) => (
              <tr key={p.name} data-testid="rc-pvc-row">
                <Td>
                  <span className="font-medium">{p.name}</span>
                  <p className="text-xs text-slate-500">{formatTime(p.createTime)}</p>
                </Td>
                <Td>
                  <code className="text-xs" data-testid="rc-pvc-status">
                    {p.status}
                  </code>
                </Td>
                <Td>{p.capacity}</Td>
                <Td>{p.accessModes}</Td>
                <Td>
                  <code className="text-xs">{p.storageClass}</code>
                </Td>
                <Td>{p.volumeName || '—'}</Td>
                <Td>
                  <Button
                    variant="ghost"
                    disabledReason={blocked}
                    onClick={() => setOpen({ kind: 'delete', pvc: p })}
                    data-testid="rc-pvc-delete"
                  >
                    {t('rcApps.delete')}
                  </Button>
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {open?.kind === 'create' ? (
        <PvcDialog accountId={accountId} appId={appId} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteDialog
          accountId={accountId}
          title={t('rcApps.pvc.deleteTitle', { name: open.pvc.name })}
          change={rcChange.deletePvc(appId, open.pvc.name)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

const JOB_STATUSES: JobStatus[] = ['ALL', 'SUCCESS', 'FAILED'];

/** Runs of a cron app's jobs; the status filter and page live in the URL. */
function Jobs({ accountId, appId }: Omit<Props, 'role'>) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = (JOB_STATUSES as string[]).includes(params.get('jobStatus') ?? '')
    ? (params.get('jobStatus') as JobStatus)
    : 'ALL';
  const page = Math.max(1, Number(params.get('jobPage')) || 1);
  const jobs = useRcJobs(accountId, appId, status, page);
  const [pod, setPod] = useState<string | null>(null);
  const set = (patch: Record<string, string>) =>
    setParams(patchSearchParams(params, patch), { replace: true });
  return (
    <section>
      <SectionHeader title={t('rcApps.job.title')}>
        <select
          className={inputBase}
          value={status}
          aria-label={t('rcApps.job.status')}
          onChange={(e) => set({ jobStatus: e.target.value, jobPage: '1' })}
          data-testid="rc-job-status"
        >
          {JOB_STATUSES.map((s) => (
            <option key={s} value={s}>
              {enumLabel(t, 'rcApps.job.status', s)} ({s})
            </option>
          ))}
        </select>
      </SectionHeader>
      <p className="mb-2 text-xs text-slate-500">{t('rcApps.job.hint')}</p>
      <QueryView query={jobs}>
        {(data) => (
          <>
            <DataTable
              testId="rc-job-table"
              head={[
                t('rcApps.job.name'),
                t('rcApps.job.started'),
                t('rcApps.job.completed'),
                t('rcApps.job.result'),
                t('rcApps.job.message'),
                t('rcApps.job.pods'),
              ]}
              rows={data.items}
              row={(j) => (
                <tr key={j.name} data-testid="rc-job-row">
                  <Td>
                    <code className="text-xs">{j.name}</code>
                  </Td>
                  <Td>{formatTime(j.startTime)}</Td>
                  <Td>{j.completionTime ? formatTime(j.completionTime) : t('rcApps.job.running')}</Td>
                  <Td>
                    <span className={j.failed > 0 && j.succeeded === 0 ? 'text-red-700' : ''}>
                      {t('rcApps.job.counts', {
                        ok: j.succeeded,
                        failed: j.failed,
                        completions: j.completions,
                      })}
                    </span>
                  </Td>
                  <Td className="text-xs">{j.message || '—'}</Td>
                  <Td>
                    <span className="flex flex-wrap gap-1">
                      {j.podList.map((p) => (
                        <Button key={p} variant="ghost" onClick={() => setPod(p)} data-testid="rc-job-pod">
                          {p}
                        </Button>
                      ))}
                    </span>
                  </Td>
                </tr>
              )}
            />
            <Pager
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={(p) => set({ jobPage: String(p) })}
            />
          </>
        )}
      </QueryView>
      {pod ? (
        <JobLogDialog accountId={accountId} appId={appId} podName={pod} onClose={() => setPod(null)} />
      ) : null}
    </section>
  );
}

/**
 * The operations of one environment: SLB access points, services, jobs and storage claims. Job runs
 * are shown for a CronJob workload (or when the workload kind is unknown): other workloads have none.
 */
export function EnvOpsTab({
  accountId,
  appId,
  role,
  workload,
}: Props & { workload?: 'Deployment' | 'StatefulSet' | 'CronJob' | undefined }) {
  return (
    <div data-testid="retailcloud-env-ops">
      <Baseline accountId={accountId} appId={appId} />
      <SlbAps accountId={accountId} appId={appId} role={role} />
      <Services accountId={accountId} appId={appId} role={role} />
      {workload === undefined || workload === 'CronJob' ? <Jobs accountId={accountId} appId={appId} /> : null}
      <Pvcs accountId={accountId} appId={appId} role={role} />
    </div>
  );
}
