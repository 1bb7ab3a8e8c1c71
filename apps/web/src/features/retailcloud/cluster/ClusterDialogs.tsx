import type { RcClusterDetail, RcCreateClusterBody } from '@console/contract';
import { useState } from 'react';
import { SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { QueryView } from '../../../components/QueryView';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { useAvailableNodes, useClusterChange } from './api';
import { clusterPasswordOk, TypedConfirmDialog } from './shared';

const BIZ = ['JST', 'NEW_RETAIL', 'MINI_APP', 'SUPPLY', 'MESSAGE'] as const;
const TYPES = ['Standard', 'Serverless', 'Windows'] as const;
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d|[12]\d|3[0-2])$/;
const selectClass = 'block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** CreateCluster: the password (or key pair) goes to the cloud once and is never shown again. */
export function CreateClusterDialog({
  accountId,
  onClose,
  onCreated,
}: {
  accountId: string;
  onClose: () => void;
  onCreated: (clusterId: string) => void;
}) {
  const { t } = useI18n();
  const change = useClusterChange(accountId);
  const [title, setTitle] = useState('');
  const [businessCode, setBusinessCode] = useState<RcCreateClusterBody['businessCode']>('JST');
  const [envType, setEnvType] = useState<RcCreateClusterBody['envType']>('TEST');
  const [clusterType, setClusterType] = useState<RcCreateClusterBody['clusterType']>('Standard');
  const [vpcId, setVpcId] = useState('');
  const [vswitches, setVswitches] = useState('');
  const [podCidr, setPodCidr] = useState('');
  const [serviceCidr, setServiceCidr] = useState('');
  const [login, setLogin] = useState<'password' | 'keyPair'>('password');
  const [password, setPassword] = useState('');
  const [keyPair, setKeyPair] = useState('');
  const [logIntegration, setLogIntegration] = useState(false);
  const vswitchIds = vswitches
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const needsCidr = clusterType !== 'Serverless';
  const problem =
    title.trim() === ''
      ? t('rcCluster.titleRequired')
      : !/^vpc-[a-z0-9]+$/.test(vpcId)
        ? t('rcCluster.vpcRule')
        : vswitchIds.length === 0 || vswitchIds.some((v) => !/^vsw-[a-z0-9]+$/.test(v))
          ? t('rcCluster.vswitchRule')
          : (needsCidr || podCidr) && !CIDR.test(podCidr)
            ? t('rcCluster.podCidrRule')
            : (needsCidr || serviceCidr) && !CIDR.test(serviceCidr)
              ? t('rcCluster.serviceCidrRule')
              : login === 'password' && !clusterPasswordOk(password)
                ? t('rcCluster.clusterPasswordRule')
                : login === 'keyPair' && keyPair.trim() === ''
                  ? t('rcCluster.keyPairRequired')
                  : undefined;

  const submit = () => {
    const body: RcCreateClusterBody = {
      title: title.trim(),
      businessCode,
      envType,
      clusterType,
      vpcId,
      vswitchIds,
      ...(podCidr ? { podCidr } : {}),
      ...(serviceCidr ? { serviceCidr } : {}),
      ...(login === 'password' ? { password } : { keyPair: keyPair.trim() }),
      ...(clusterType === 'Standard' ? { createWithLogIntegration: logIntegration } : {}),
    };
    change.mutate(
      { kind: 'create', body },
      {
        onSuccess: (answer) => {
          setPassword('');
          onCreated(answer.clusterId ?? '');
        },
      },
    );
  };

  return (
    <FormDialog
      title={t('rcCluster.createTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('rcCluster.create')}
      submitTestId="rc-cluster-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="rc-cluster-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('rcCluster.clusterTitle')}
          value={title}
          maxLength={64}
          onChange={setTitle}
          testId="rc-cluster-title"
        />
        <SelectField
          label={t('rcCluster.businessCode')}
          className={selectClass}
          value={businessCode}
          onChange={(v) => setBusinessCode(v as typeof businessCode)}
          testId="rc-cluster-biz"
        >
          {BIZ.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('rcCluster.envType')}
          className={selectClass}
          value={envType}
          onChange={(v) => setEnvType(v as typeof envType)}
          testId="rc-cluster-env"
        >
          <option value="TEST">{t('rcCluster.envTEST')}</option>
          <option value="PRO">{t('rcCluster.envPRO')}</option>
        </SelectField>
        <SelectField
          label={t('rcCluster.clusterType')}
          className={selectClass}
          value={clusterType}
          onChange={(v) => setClusterType(v as typeof clusterType)}
          testId="rc-cluster-type"
        >
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('rcCluster.vpcId')}
          hint="vpc-…"
          value={vpcId}
          onChange={(v) => setVpcId(v.trim())}
          testId="rc-cluster-vpc"
        />
        <TextField
          label={t('rcCluster.vswitchIds')}
          hint={t('rcCluster.vswitchHint')}
          value={vswitches}
          onChange={setVswitches}
          testId="rc-cluster-vswitches"
        />
        <TextField
          label={t('rcCluster.podCidr')}
          hint={needsCidr ? t('rcCluster.cidrHint') : t('rcCluster.optional')}
          value={podCidr}
          placeholder="172.20.0.0/16"
          onChange={(v) => setPodCidr(v.trim())}
          testId="rc-cluster-pod-cidr"
        />
        <TextField
          label={t('rcCluster.serviceCidr')}
          hint={needsCidr ? t('rcCluster.cidrHint') : t('rcCluster.optional')}
          value={serviceCidr}
          placeholder="172.21.0.0/20"
          onChange={(v) => setServiceCidr(v.trim())}
          testId="rc-cluster-service-cidr"
        />
        <SelectField
          label={t('rcCluster.nodeLogin')}
          className={selectClass}
          value={login}
          onChange={(v) => setLogin(v as typeof login)}
          testId="rc-cluster-login"
        >
          <option value="password">{t('rcCluster.loginPassword')}</option>
          <option value="keyPair">{t('rcCluster.loginKeyPair')}</option>
        </SelectField>
        {login === 'password' ? (
          <TextField
            label={t('rcCluster.password')}
            hint={t('rcCluster.clusterPasswordRule')}
            type="password"
            autoComplete="new-password"
            value={password}
            maxLength={64}
            onChange={setPassword}
            testId="rc-cluster-password"
          />
        ) : (
          <TextField
            label={t('rcCluster.keyPair')}
            value={keyPair}
            onChange={setKeyPair}
            testId="rc-cluster-keypair"
          />
        )}
      </div>
      {clusterType === 'Standard' ? (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={logIntegration}
            onChange={(e) => setLogIntegration(e.target.checked)}
          />
          {t('rcCluster.logIntegration')}
        </label>
      ) : null}
      <p className="text-xs text-slate-500">{t('rcCluster.passwordWriteOnly')}</p>
    </FormDialog>
  );
}

/** DeleteCluster, with the title typed out; the BFF compares it with the cloud's again. */
export function DeleteClusterDialog({
  accountId,
  cluster,
  onClose,
  onDeleted,
}: {
  accountId: string;
  cluster: RcClusterDetail;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const change = useClusterChange(accountId);
  return (
    <TypedConfirmDialog
      title={t('rcCluster.deleteTitle', { name: cluster.title || cluster.instanceId })}
      name={cluster.title || cluster.instanceId}
      confirmLabel={t('rcCluster.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() =>
        change.mutate(
          {
            kind: 'delete',
            clusterId: cluster.instanceId,
            confirmTitle: cluster.title || cluster.instanceId,
          },
          { onSuccess: onDeleted },
        )
      }
      testId="rc-cluster-delete-dialog"
    >
      <p className="font-medium text-red-800">{t('rcCluster.deleteBody')}</p>
    </TypedConfirmDialog>
  );
}

/** AddClusterNode: free ECS machines of the cluster's VPC (ListAvailableClusterNode). */
export function AddNodesDialog({
  accountId,
  clusterId,
  onClose,
}: {
  accountId: string;
  clusterId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const available = useAvailableNodes(accountId, clusterId);
  const change = useClusterChange(accountId);
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (id: string) =>
    setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  const submit = () => {
    change.mutate({ kind: 'addNodes', clusterId, instanceIds: chosen }, { onSuccess: onClose });
  };
  return (
    <FormDialog
      title={t('rcCluster.addNodesTitle')}
      problem={chosen.length === 0 ? t('rcCluster.chooseNodes') : undefined}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('rcCluster.addNodesSubmit', { count: chosen.length })}
      submitTestId="rc-add-nodes-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="rc-add-nodes-dialog"
    >
      <QueryView query={available} fallback={[]}>
        {(rows) => (
          <DataTable
            head={[
              '',
              t('rcCluster.node'),
              t('rcCluster.instanceType'),
              t('rcCluster.spec'),
              t('rcCluster.privateIp'),
              t('rcCluster.zone'),
            ]}
            rows={rows}
            empty={t('rcCluster.noFreeNodes')}
            row={(n) => (
              <tr key={n.instanceId} data-testid="rc-available-node">
                <Td>
                  <input
                    type="checkbox"
                    aria-label={n.instanceId}
                    checked={chosen.includes(n.instanceId)}
                    onChange={() => toggle(n.instanceId)}
                    data-testid="rc-available-node-check"
                  />
                </Td>
                <Td>
                  <span className="font-medium">{n.name}</span>{' '}
                  <code className="text-xs text-slate-500">{n.instanceId}</code>
                </Td>
                <Td>{n.instanceType}</Td>
                <Td>{n.configuration ?? `${n.cpu} vCPU / ${n.memoryMb} MiB`}</Td>
                <Td>{n.privateIp ?? '—'}</Td>
                <Td>{n.zone ?? '—'}</Td>
              </tr>
            )}
          />
        )}
      </QueryView>
    </FormDialog>
  );
}
