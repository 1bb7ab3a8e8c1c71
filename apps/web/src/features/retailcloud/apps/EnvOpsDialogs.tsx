import type { CreateRcSlbApBody, RcPortMapping, RcService, RcSlbAp } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { inputBase, SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { RowsEditor, type RowsEditorColumn } from '../../../components/RowsEditor';
import { Loading } from '../../../components/Spinner';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';
import { rcChange, useRcChange, useRcJobLog } from './api';
import { optionalInt } from './parts';

const PROTOCOLS = ['TCP', 'UDP', 'HTTP', 'HTTPS'] as const;
type Protocol = (typeof PROTOCOLS)[number];
const isPort = (n: number | undefined) => n !== undefined && Number.isInteger(n) && n >= 1 && n <= 65_535;
const between = (n: number | undefined, min: number, max: number) =>
  n === undefined || (Number.isInteger(n) && n >= min && n <= max);

/** Create or edit an SLB access point; only the extras of its protocol are offered. */
export function SlbApDialog({
  accountId,
  appId,
  ap,
  onClose,
}: {
  accountId: string;
  appId: string;
  ap?: RcSlbAp;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRcChange(accountId);
  const [name, setName] = useState(ap?.name ?? '');
  const [slbId, setSlbId] = useState(ap?.slbId ?? '');
  const [protocol, setProtocol] = useState<Protocol>((ap?.protocol as Protocol) ?? 'TCP');
  const [listenerPort, setListenerPort] = useState(ap ? String(ap.listenerPort) : '');
  const [realServerPort, setRealServerPort] = useState(ap ? String(ap.realServerPort) : '');
  const [establishedTimeout, setEstablishedTimeout] = useState(String(ap?.establishedTimeout ?? ''));
  const [stickySession, setStickySession] = useState(ap?.stickySession === 1);
  const [cookieTimeout, setCookieTimeout] = useState(String(ap?.cookieTimeout ?? ''));
  const [sslCertId, setSslCertId] = useState(ap?.sslCertId ?? '');
  const http = protocol === 'HTTP' || protocol === 'HTTPS';
  const listener = optionalInt(listenerPort);
  const real = optionalInt(realServerPort);
  const timeout = optionalInt(establishedTimeout);
  const cookie = optionalInt(cookieTimeout);

  const problem =
    name.trim() === ''
      ? t('rcApps.slb.nameRequired')
      : !ap && !/^lb-[a-z0-9]+$/.test(slbId)
        ? t('rcApps.slb.slbIdRule')
        : (!ap && !isPort(listener)) || !isPort(real)
          ? t('rcApps.slb.portRule')
          : protocol === 'TCP' && !between(timeout, 10, 900)
            ? t('rcApps.slb.timeoutRule')
            : http && !between(cookie, 1, 86_400)
              ? t('rcApps.slb.cookieRule')
              : protocol === 'HTTPS' && sslCertId.trim() === ''
                ? t('rcApps.slb.certRule')
                : undefined;

  const submit = () => {
    if (real === undefined) return;
    const extras: Partial<CreateRcSlbApBody> = {
      ...(protocol === 'TCP' && timeout !== undefined ? { establishedTimeout: timeout } : {}),
      ...(http ? { stickySession: stickySession ? 1 : 0 } : {}),
      ...(http && cookie !== undefined ? { cookieTimeout: cookie } : {}),
      ...(protocol === 'HTTPS' ? { sslCertId: sslCertId.trim() } : {}),
    };
    change.mutate(
      ap
        ? rcChange.updateSlbAp(appId, ap.slbApId, { name: name.trim(), realServerPort: real, ...extras })
        : rcChange.createSlbAp(appId, {
            name: name.trim(),
            slbId,
            protocol,
            listenerPort: listener as number,
            realServerPort: real,
            ...extras,
          }),
      { onSuccess: onClose },
    );
  };

  return (
    <FormDialog
      title={ap ? t('rcApps.slb.editTitle', { name: ap.name }) : t('rcApps.slb.createTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={ap ? t('rcApps.save') : t('rcApps.slb.create')}
      submitTestId="rc-slb-submit"
      onSubmit={submit}
      onClose={onClose}
      testId="rc-slb-dialog"
    >
      <TextField
        label={t('rcApps.slb.name')}
        value={name}
        maxLength={64}
        onChange={setName}
        testId="rc-slb-name"
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('rcApps.slb.slbId')}
          value={slbId}
          disabled={Boolean(ap)}
          placeholder="lb-…"
          onChange={(v) => setSlbId(v.trim())}
          testId="rc-slb-id"
        />
        <SelectField
          label={t('rcApps.slb.protocol')}
          hint={ap ? t('rcApps.slb.protocolFixed') : undefined}
          value={protocol}
          disabled={Boolean(ap)}
          onChange={(v) => setProtocol(v as Protocol)}
          testId="rc-slb-protocol"
        >
          {PROTOCOLS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </SelectField>
        <TextField
          label={t('rcApps.slb.listenerPort')}
          inputMode="numeric"
          value={listenerPort}
          disabled={Boolean(ap)}
          onChange={setListenerPort}
          testId="rc-slb-listener-port"
        />
        <TextField
          label={t('rcApps.slb.realServerPort')}
          inputMode="numeric"
          value={realServerPort}
          onChange={setRealServerPort}
          testId="rc-slb-real-port"
        />
        {protocol === 'TCP' ? (
          <TextField
            label={t('rcApps.slb.establishedTimeout')}
            hint={t('rcApps.slb.timeoutRule')}
            inputMode="numeric"
            value={establishedTimeout}
            onChange={setEstablishedTimeout}
            testId="rc-slb-timeout"
          />
        ) : null}
        {http ? (
          <>
            <TextField
              label={t('rcApps.slb.cookieTimeout')}
              hint={t('rcApps.slb.cookieRule')}
              inputMode="numeric"
              value={cookieTimeout}
              onChange={setCookieTimeout}
            />
            <label className="flex items-center gap-2 self-end pb-2">
              <input
                type="checkbox"
                checked={stickySession}
                onChange={(e) => setStickySession(e.target.checked)}
              />
              <span className="text-sm">{t('rcApps.slb.stickySession')}</span>
            </label>
          </>
        ) : null}
        {protocol === 'HTTPS' ? (
          <TextField
            label={t('rcApps.slb.sslCertId')}
            value={sslCertId}
            onChange={setSslCertId}
            testId="rc-slb-cert"
          />
        ) : null}
      </div>
    </FormDialog>
  );
}

interface PortRow {
  name: string;
  port: string;
  targetPort: string;
  protocol: 'TCP' | 'UDP';
  nodePort: string;
}

const toRow = (m: RcService['portMappings'][number]): PortRow => ({
  name: m.name,
  port: String(m.port),
  targetPort: m.targetPort,
  protocol: m.protocol === 'UDP' ? 'UDP' : 'TCP',
  nodePort: m.nodePort ? String(m.nodePort) : '',
});

/** Create a Kubernetes service with its port mappings, or rename one and replace its mappings. */
export function ServiceDialog({
  accountId,
  appId,
  service,
  onClose,
}: {
  accountId: string;
  appId: string;
  service?: RcService;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRcChange(accountId);
  const [name, setName] = useState(service?.name ?? '');
  const [k8sServiceId, setK8sServiceId] = useState(service?.k8sServiceId ?? '');
  const [serviceType, setServiceType] = useState<'ClusterIP' | 'NodePort'>(
    service?.serviceType === 'NodePort' ? 'NodePort' : 'ClusterIP',
  );
  const [headless, setHeadless] = useState(service?.headless ?? false);
  const [rows, setRows] = useState<PortRow[]>(
    service?.portMappings.map(toRow) ?? [
      { name: 'http', port: '80', targetPort: '8080', protocol: 'TCP', nodePort: '' },
    ],
  );
  const nodePort = serviceType === 'NodePort';
  const mappings = (): RcPortMapping[] =>
    rows.map((r) => ({
      name: r.name.trim(),
      port: Number(r.port),
      targetPort: r.targetPort.trim(),
      protocol: r.protocol,
      ...(nodePort && r.nodePort.trim() ? { nodePort: Number(r.nodePort) } : {}),
    }));

  const problem =
    name.trim() === ''
      ? t('rcApps.svc.nameRequired')
      : !service && !/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(k8sServiceId)
        ? t('rcApps.svc.k8sRule')
        : rows.length === 0
          ? t('rcApps.svc.onePort')
          : rows.some((r) => !/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(r.name.trim()) || r.name.length > 15)
            ? t('rcApps.svc.portNameRule')
            : rows.some((r) => !isPort(optionalInt(r.port)) || r.targetPort.trim() === '')
              ? t('rcApps.slb.portRule')
              : rows.some(
                    (r) => nodePort && r.nodePort.trim() && !between(optionalInt(r.nodePort), 30_000, 32_767),
                  )
                ? t('rcApps.svc.nodePortRule')
                : undefined;

  const submit = () => {
    change.mutate(
      service
        ? rcChange.updateService(appId, service.serviceId, { name: name.trim(), portMappings: mappings() })
        : rcChange.createService(appId, {
            name: name.trim(),
            k8sServiceId,
            serviceType,
            ...(serviceType === 'ClusterIP' ? { headless } : {}),
            portMappings: mappings(),
          }),
      { onSuccess: onClose },
    );
  };

  const nodePortColumn: RowsEditorColumn<PortRow> = {
    head: t('rcApps.svc.nodePort'),
    cell: (r, set) => (
      <input
        className={`${inputBase} w-full`}
        inputMode="numeric"
        placeholder="30000–32767"
        value={r.nodePort}
        onChange={(e) => set({ nodePort: e.target.value })}
        data-testid="rc-svc-node-port"
      />
    ),
  };

  return (
    <FormDialog
      title={service ? t('rcApps.svc.editTitle', { name: service.name }) : t('rcApps.svc.createTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={service ? t('rcApps.save') : t('rcApps.svc.create')}
      submitTestId="rc-svc-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="rc-svc-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label={t('rcApps.svc.name')}
          value={name}
          maxLength={64}
          onChange={setName}
          testId="rc-svc-name"
        />
        <TextField
          label={t('rcApps.svc.k8sServiceId')}
          hint={t('rcApps.svc.k8sRule')}
          value={k8sServiceId}
          disabled={Boolean(service)}
          onChange={(v) => setK8sServiceId(v.trim())}
          testId="rc-svc-k8s"
        />
        <SelectField
          label={t('rcApps.svc.type')}
          value={serviceType}
          disabled={Boolean(service)}
          onChange={(v) => setServiceType(v as 'ClusterIP' | 'NodePort')}
          testId="rc-svc-type"
        >
          <option value="ClusterIP">ClusterIP</option>
          <option value="NodePort">NodePort</option>
        </SelectField>
      </div>
      {serviceType === 'ClusterIP' && !service ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={headless} onChange={(e) => setHeadless(e.target.checked)} />
          <span>{t('rcApps.svc.headless')}</span>
        </label>
      ) : null}
      <RowsEditor
        columns={[
          {
            head: t('rcApps.svc.portName'),
            cell: (r, set) => (
              <input
                className={`${inputBase} w-full`}
                value={r.name}
                onChange={(e) => set({ name: e.target.value })}
                data-testid="rc-svc-port-name"
              />
            ),
          },
          {
            head: t('rcApps.svc.port'),
            cell: (r, set) => (
              <input
                className={`${inputBase} w-full`}
                inputMode="numeric"
                value={r.port}
                onChange={(e) => set({ port: e.target.value })}
                data-testid="rc-svc-port"
              />
            ),
          },
          {
            head: t('rcApps.svc.targetPort'),
            cell: (r, set) => (
              <input
                className={`${inputBase} w-full`}
                value={r.targetPort}
                onChange={(e) => set({ targetPort: e.target.value })}
                data-testid="rc-svc-target-port"
              />
            ),
          },
          {
            head: t('rcApps.slb.protocol'),
            cell: (r, set) => (
              <select
                className={inputBase}
                value={r.protocol}
                onChange={(e) => set({ protocol: e.target.value as 'TCP' | 'UDP' })}
              >
                <option>TCP</option>
                <option>UDP</option>
              </select>
            ),
          },
          ...(nodePort ? [nodePortColumn] : []),
        ]}
        rows={rows}
        onChange={setRows}
        newRow={{ name: '', port: '', targetPort: '', protocol: 'TCP', nodePort: '' }}
        max={20}
        rowTestId="rc-svc-port-row"
        removeLabel={t('rcApps.remove')}
        addLabel={t('rcApps.svc.addPort')}
        addTestId="rc-svc-port-add"
      />
    </FormDialog>
  );
}

/** Claim storage for the environment; it binds when a volume of that StorageClass is available. */
export function PvcDialog({
  accountId,
  appId,
  onClose,
}: {
  accountId: string;
  appId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useRcChange(accountId);
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('10Gi');
  const [accessModes, setAccessModes] = useState<'ReadWriteMany' | 'ReadWriteOnce'>('ReadWriteMany');
  const [storageClass, setStorageClass] = useState('');
  const k8s = /^[a-z][a-z0-9.-]*$/;
  const problem = !k8s.test(name)
    ? t('rcApps.pvc.nameRule')
    : !/^\d+(\.\d+)?([EPTGMK]i?)?$/.test(capacity)
      ? t('rcApps.pvc.capacityRule')
      : !k8s.test(storageClass)
        ? t('rcApps.pvc.classRule')
        : undefined;
  const submit = () => {
    change.mutate(rcChange.createPvc(appId, { name, capacity, accessModes, storageClass }), {
      onSuccess: onClose,
    });
  };
  return (
    <FormDialog
      title={t('rcApps.pvc.createTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('rcApps.pvc.create')}
      submitTestId="rc-pvc-submit"
      onSubmit={submit}
      onClose={onClose}
      testId="rc-pvc-dialog"
    >
      <TextField
        label={t('rcApps.pvc.name')}
        hint={t('rcApps.pvc.nameRule')}
        value={name}
        onChange={(v) => setName(v.trim())}
        testId="rc-pvc-name"
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label={t('rcApps.pvc.capacity')}
          hint={t('rcApps.pvc.capacityRule')}
          value={capacity}
          onChange={(v) => setCapacity(v.trim())}
          testId="rc-pvc-capacity"
        />
        <SelectField
          label={t('rcApps.pvc.accessModes')}
          value={accessModes}
          onChange={(v) => setAccessModes(v as 'ReadWriteMany' | 'ReadWriteOnce')}
        >
          <option>ReadWriteMany</option>
          <option>ReadWriteOnce</option>
        </SelectField>
        <TextField
          label={t('rcApps.pvc.storageClass')}
          value={storageClass}
          onChange={(v) => setStorageClass(v.trim())}
          testId="rc-pvc-class"
        />
      </div>
    </FormDialog>
  );
}

/** A job pod's log and its Kubernetes events (DescribeJobLog). */
export function JobLogDialog({
  accountId,
  appId,
  podName,
  onClose,
}: {
  accountId: string;
  appId: string;
  podName: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const log = useRcJobLog(accountId, appId, podName);
  return (
    <Dialog
      title={t('rcApps.job.logTitle', { pod: podName })}
      onClose={onClose}
      wide
      testId="rc-job-log-dialog"
    >
      {log.error ? <ErrorPanel error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.isPending ? (
        <Loading />
      ) : log.data ? (
        <div className="space-y-3">
          <pre
            className="max-h-72 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100"
            data-testid="rc-job-log"
          >
            {log.data.jobLog || t('rcApps.job.noLog')}
          </pre>
          <h3 className="text-sm font-semibold">{t('rcApps.job.events')}</h3>
          <ul className="space-y-1 text-xs" data-testid="rc-job-events">
            {log.data.events.length === 0 ? <li className="text-slate-500">{t('common.empty')}</li> : null}
            {log.data.events.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: events have no id and keep their order
              <li key={i} className="flex gap-2">
                <code className="text-slate-500">{formatTime(e.eventTime)}</code>
                <span className={e.type === 'Warning' ? 'font-medium text-amber-800' : ''}>{e.type}</span>
                <span className="font-medium">{e.reason}</span>
                <span>{e.message}</span>
                {e.count > 1 ? <span className="text-slate-500">×{e.count}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>{t('common.close')}</Button>
      </div>
    </Dialog>
  );
}
