import type { AsConfig, AsCreateConfigBody } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { Dialog, DialogActions } from '../../../components/Dialog';
import { inputClass, SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { Pager } from '../../../components/Pager';
import { QueryView } from '../../../components/QueryView';
import { RowsEditor } from '../../../components/RowsEditor';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';
import { useAsChange, useConfig, useConfigs } from './api';
import { filterClass, intOrUndefined, selectClass, type UrlState, useBlocked } from './shared';

const NAME = /^[\p{Script=Han}A-Za-z0-9_-]{1,64}$/u;
/** BatchDeleteScalingConfigs takes at most 50 ids a call. */
const BATCH_MAX = 50;

// The password rule of the contract, repeated so that the page bundle carries no schema library.
const passOk = (p: string) =>
  p.length >= 8 &&
  p.length <= 26 &&
  [/[A-Z]/, /[a-z]/, /\d/, /[!@$%^\-_=+[\]{}:,./?~#*]/].filter((r) => r.test(p)).length >= 3;

interface DiskRow {
  size: string;
  volumeType: 'SATA' | 'SSD';
  diskType: 'SYS' | 'DATA';
}
interface MetaRow {
  key: string;
  value: string;
}

/** CreateScalingConfig: an instance template (flavor, image, disks, login, EIP, metadata), or an existing ECS. */
function ConfigDialog({
  accountId,
  source,
  onClose,
}: {
  accountId: string;
  /** Fields filled from this configuration (a password is never copied). */
  source?: AsConfig;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useAsChange(accountId);
  const [name, setName] = useState(source ? `${source.name}-copy`.slice(0, 64) : '');
  const [fromInstance, setFromInstance] = useState(false);
  const [instanceId, setInstanceId] = useState('');
  const [flavorRef, setFlavorRef] = useState(source?.flavorRef ?? '');
  const [imageRef, setImageRef] = useState(source?.imageRef ?? '');
  const [disks, setDisks] = useState<DiskRow[]>(
    source?.disks.length
      ? source.disks.map((d) => ({
          size: String(d.size),
          volumeType: d.volumeType as DiskRow['volumeType'],
          diskType: d.diskType as DiskRow['diskType'],
        }))
      : [{ size: '40', volumeType: 'SSD', diskType: 'SYS' }],
  );
  const [login, setLogin] = useState<'keypair' | 'password'>(source?.hasAdminPass ? 'password' : 'keypair');
  const [keyName, setKeyName] = useState(source?.keyName ?? '');
  const [password, setPassword] = useState('');
  const [securityGroup, setSecurityGroup] = useState(source?.securityGroupIds[0] ?? '');
  const [eip, setEip] = useState(source?.eipBandwidth !== undefined ? String(source.eipBandwidth) : '');
  const [metadata, setMetadata] = useState<MetaRow[]>(
    Object.entries(source?.metadata ?? {}).map(([key, value]) => ({ key, value })),
  );
  const sys = disks.filter((d) => d.diskType === 'SYS').length;
  const diskBad = disks.some((d) => {
    const n = intOrUndefined(d.size);
    const [lo, hi] = d.diskType === 'SYS' ? [1, 1024] : [10, 32768];
    return n === undefined || n < lo || n > hi;
  });
  const eipN = eip.trim() === '' ? undefined : intOrUndefined(eip);
  const problem = !NAME.test(name.trim())
    ? t('as.nameRule')
    : fromInstance && instanceId.trim() === ''
      ? t('as.instanceIdRequired')
      : !fromInstance && flavorRef.trim() === ''
        ? t('as.flavorRequired')
        : !fromInstance && imageRef.trim() === ''
          ? t('as.imageRequired')
          : !fromInstance && sys !== 1
            ? t('as.oneSysDisk')
            : !fromInstance && diskBad
              ? t('as.diskSizeRule')
              : login === 'keypair' && keyName.trim() === '' && !fromInstance
                ? t('as.keyRequired')
                : login === 'password' && !passOk(password)
                  ? t('as.passwordRule')
                  : eip.trim() !== '' && (eipN === undefined || eipN < 1 || eipN > 1000)
                    ? t('as.eipRule')
                    : metadata.some((m) => m.key.trim() === '' || m.key === 'admin_pass')
                      ? t('as.metadataKeyRule')
                      : undefined;
  const submit = () => {
    const body: AsCreateConfigBody = {
      name: name.trim(),
      ...(fromInstance
        ? { instanceId: instanceId.trim() }
        : {
            flavorRef: flavorRef.trim(),
            imageRef: imageRef.trim(),
            disks: disks.map((d) => ({
              size: Number(d.size),
              volumeType: d.volumeType,
              diskType: d.diskType,
            })),
          }),
      ...(login === 'keypair' && keyName.trim() ? { keyName: keyName.trim() } : {}),
      ...(login === 'password' ? { adminPass: password } : {}),
      ...(securityGroup.trim() ? { securityGroupIds: [securityGroup.trim()] } : {}),
      ...(eipN !== undefined ? { eipBandwidth: eipN } : {}),
      ...(metadata.length
        ? { metadata: Object.fromEntries(metadata.map((m) => [m.key.trim(), m.value])) }
        : {}),
    };
    change.mutate(
      { kind: 'createConfig', body },
      {
        onSuccess: () => {
          setPassword('');
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog
      title={t('as.createConfigTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('as.createConfig')}
      submitTestId="as-config-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="as-config-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('as.name')}
          value={name}
          maxLength={64}
          onChange={setName}
          testId="as-config-name"
        />
        <SelectField
          label={t('as.template')}
          className={selectClass}
          value={fromInstance ? 'instance' : 'spec'}
          onChange={(v) => setFromInstance(v === 'instance')}
          testId="as-config-source"
        >
          <option value="spec">{t('as.templateSpec')}</option>
          <option value="instance">{t('as.templateInstance')}</option>
        </SelectField>
        {fromInstance ? (
          <TextField
            label={t('as.instanceId')}
            value={instanceId}
            onChange={setInstanceId}
            testId="as-config-instance"
          />
        ) : (
          <>
            <TextField
              label={t('as.flavor')}
              value={flavorRef}
              hint={t('as.flavorHint')}
              onChange={setFlavorRef}
              testId="as-config-flavor"
            />
            <TextField
              label={t('as.image')}
              value={imageRef}
              onChange={setImageRef}
              testId="as-config-image"
            />
          </>
        )}
        <SelectField
          label={t('as.login')}
          className={selectClass}
          value={login}
          onChange={(v) => setLogin(v as 'keypair' | 'password')}
          testId="as-config-login"
        >
          <option value="keypair">{t('as.loginKeypair')}</option>
          <option value="password">{t('as.loginPassword')}</option>
        </SelectField>
        {login === 'keypair' ? (
          <TextField
            label={t('as.keyName')}
            value={keyName}
            onChange={setKeyName}
            testId="as-config-keyname"
          />
        ) : (
          <TextField
            label={t('as.adminPass')}
            type="password"
            autoComplete="new-password"
            value={password}
            hint={t('as.passwordRule')}
            onChange={setPassword}
            testId="as-config-password"
          />
        )}
        <TextField
          label={t('as.securityGroup')}
          value={securityGroup}
          hint={t('as.configSgHint')}
          onChange={setSecurityGroup}
          testId="as-config-sg"
        />
        <TextField
          label={t('as.eipBandwidth')}
          value={eip}
          inputMode="numeric"
          hint={t('as.eipHint')}
          onChange={setEip}
          testId="as-config-eip"
        />
      </div>
      {fromInstance ? null : (
        <div>
          <h3 className="mt-2 text-sm font-medium text-slate-700">{t('as.disks')}</h3>
          <RowsEditor
            columns={[
              {
                head: t('as.diskType'),
                cell: (row, set) => (
                  <select
                    className={selectClass}
                    value={row.diskType}
                    aria-label={t('as.diskType')}
                    onChange={(e) => set({ diskType: e.target.value as DiskRow['diskType'] })}
                  >
                    <option value="SYS">{t('as.diskSys')}</option>
                    <option value="DATA">{t('as.diskData')}</option>
                  </select>
                ),
              },
              {
                head: t('as.volumeType'),
                cell: (row, set) => (
                  <select
                    className={selectClass}
                    value={row.volumeType}
                    aria-label={t('as.volumeType')}
                    onChange={(e) => set({ volumeType: e.target.value as DiskRow['volumeType'] })}
                  >
                    <option value="SSD">SSD</option>
                    <option value="SATA">SATA</option>
                  </select>
                ),
              },
              {
                head: t('as.diskSize'),
                cell: (row, set) => (
                  <input
                    className={inputClass}
                    value={row.size}
                    inputMode="numeric"
                    aria-label={t('as.diskSize')}
                    onChange={(e) => set({ size: e.target.value })}
                    data-testid="as-config-disk-size"
                  />
                ),
              },
            ]}
            rows={disks}
            onChange={setDisks}
            newRow={{ size: '100', volumeType: 'SSD', diskType: 'DATA' }}
            rowTestId="as-config-disk-row"
            removeLabel={t('as.remove')}
            addLabel={t('as.addDisk')}
            addTestId="as-config-add-disk"
          />
        </div>
      )}
      <div>
        <h3 className="mt-2 text-sm font-medium text-slate-700">{t('as.metadata')}</h3>
        <RowsEditor
          columns={[
            {
              head: t('as.tagKey'),
              cell: (row, set) => (
                <input
                  className={inputClass}
                  value={row.key}
                  aria-label={t('as.tagKey')}
                  onChange={(e) => set({ key: e.target.value })}
                />
              ),
            },
            {
              head: t('as.tagValue'),
              cell: (row, set) => (
                <input
                  className={inputClass}
                  value={row.value}
                  aria-label={t('as.tagValue')}
                  onChange={(e) => set({ value: e.target.value })}
                />
              ),
            },
          ]}
          rows={metadata}
          onChange={setMetadata}
          newRow={{ key: '', value: '' }}
          rowTestId="as-config-meta-row"
          removeLabel={t('as.remove')}
          addLabel={t('as.addRow')}
          addTestId="as-config-add-meta"
        />
      </div>
    </FormDialog>
  );
}

/** ShowScalingConfig: the whole template, read-only. */
function ConfigDetailDialog({
  accountId,
  configId,
  onClose,
}: {
  accountId: string;
  configId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const config = useConfig(accountId, configId);
  return (
    <Dialog title={config.data?.name ?? configId} onClose={onClose} wide testId="as-config-detail">
      <QueryView query={config}>
        {(c) => (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
            <dt className="text-slate-500">ID</dt>
            <dd>
              <code>{c.id}</code>
            </dd>
            {c.instanceId ? (
              <>
                <dt className="text-slate-500">{t('as.instanceId')}</dt>
                <dd>
                  <code>{c.instanceId}</code>
                </dd>
              </>
            ) : null}
            <dt className="text-slate-500">{t('as.flavor')}</dt>
            <dd>{c.flavorRef ?? '—'}</dd>
            <dt className="text-slate-500">{t('as.image')}</dt>
            <dd>
              <code>{c.imageRef ?? '—'}</code>
            </dd>
            <dt className="text-slate-500">{t('as.disks')}</dt>
            <dd>{c.disks.map((d) => `${d.diskType} ${d.volumeType} ${d.size} GB`).join(' · ') || '—'}</dd>
            <dt className="text-slate-500">{t('as.login')}</dt>
            <dd>
              {c.hasAdminPass
                ? t('as.loginPassword')
                : c.keyName
                  ? `${t('as.loginKeypair')}: ${c.keyName}`
                  : '—'}
            </dd>
            <dt className="text-slate-500">{t('as.securityGroup')}</dt>
            <dd>
              <code>{c.securityGroupIds.join(', ') || '—'}</code>
            </dd>
            <dt className="text-slate-500">{t('as.eipBandwidth')}</dt>
            <dd>{c.eipBandwidth !== undefined ? `${c.eipBandwidth} Mbit/s` : t('as.noEip')}</dd>
            <dt className="text-slate-500">{t('as.userData')}</dt>
            <dd>{c.hasUserData ? t('common.yes') : t('common.no')}</dd>
            <dt className="text-slate-500">{t('as.personality')}</dt>
            <dd>{c.personalityFiles}</dd>
            <dt className="text-slate-500">{t('as.metadata')}</dt>
            <dd>
              {Object.entries(c.metadata)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ') || '—'}
            </dd>
            <dt className="text-slate-500">{t('as.usedBy')}</dt>
            <dd>{c.groupId ? <code>{c.groupId}</code> : t('as.unused')}</dd>
            <dt className="text-slate-500">{t('as.created')}</dt>
            <dd>{formatTime(c.createTime)}</dd>
          </dl>
        )}
      </QueryView>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

type Pending =
  | { kind: 'create'; source?: AsConfig }
  | { kind: 'show'; configId: string }
  | { kind: 'delete'; configs: AsConfig[] };

/** The scaling configurations: create (or copy), look at one, delete one or several selected. */
export function ConfigsTab({ accountId, params, set }: { accountId: string } & UrlState) {
  const { t } = useI18n();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const name = params.get('q') ?? '';
  const configs = useConfigs(accountId, page, name);
  const change = useAsChange(accountId);
  const blocked = useBlocked();
  const [typed, setTyped] = useState(name);
  const [selected, setSelected] = useState<string[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const rows = configs.data?.items ?? [];
  const picked = rows.filter((c) => selected.includes(c.id));
  const close = () => setPending(null);
  const open = (p: Pending) => {
    change.reset();
    setPending(p);
  };
  const batchReason =
    blocked ??
    (picked.length === 0
      ? t('as.selectFirst')
      : picked.length > BATCH_MAX
        ? t('as.batchMax', { n: BATCH_MAX })
        : picked.some((c) => c.groupId)
          ? t('as.configInUse')
          : undefined);
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: typed.trim(), page: undefined });
          }}
        >
          <input
            className={filterClass}
            value={typed}
            placeholder={t('as.searchName')}
            aria-label={t('as.searchName')}
            onChange={(e) => setTyped(e.target.value)}
            data-testid="as-config-search"
          />
          <Button type="submit">{t('common.search')}</Button>
        </form>
        <span className="ml-auto flex gap-2">
          <Button
            variant="danger"
            disabledReason={batchReason}
            onClick={() => open({ kind: 'delete', configs: picked })}
            data-testid="as-config-batch-delete"
          >
            {t('as.deleteSelected', { count: picked.length })}
          </Button>
          <Button
            variant="primary"
            disabledReason={blocked}
            onClick={() => open({ kind: 'create' })}
            data-testid="as-config-create"
          >
            {t('as.createConfig')}
          </Button>
        </span>
      </div>
      <QueryView query={configs}>
        {(data) => (
          <>
            <DataTable
              testId="as-configs-table"
              head={[
                '',
                t('as.name'),
                t('as.flavor'),
                t('as.image'),
                t('as.disks'),
                t('as.login'),
                t('as.usedBy'),
                t('as.created'),
                t('as.actions'),
              ]}
              rows={data.items}
              row={(c) => (
                <tr key={c.id} data-testid="as-config-row" data-config={c.name}>
                  <Td>
                    <input
                      type="checkbox"
                      aria-label={t('as.select', { name: c.name })}
                      checked={selected.includes(c.id)}
                      onChange={(e) =>
                        setSelected((s) => (e.target.checked ? [...s, c.id] : s.filter((x) => x !== c.id)))
                      }
                      data-testid="as-config-check"
                    />
                  </Td>
                  <Td>
                    <button
                      type="button"
                      className="font-medium text-blue-700 hover:underline"
                      onClick={() => open({ kind: 'show', configId: c.id })}
                      data-testid="as-config-open"
                    >
                      {c.name}
                    </button>
                    <code className="block text-xs text-slate-500">{c.id}</code>
                  </Td>
                  <Td>{c.flavorRef ?? (c.instanceId ? t('as.fromInstance', { id: c.instanceId }) : '—')}</Td>
                  <Td>
                    <code className="text-xs">{c.imageRef ?? '—'}</code>
                  </Td>
                  <Td>{c.disks.map((d) => `${d.diskType} ${d.size} GB`).join(', ') || '—'}</Td>
                  <Td>{c.hasAdminPass ? t('as.loginPassword') : (c.keyName ?? '—')}</Td>
                  <Td>{c.groupId ? <code className="text-xs">{c.groupId}</code> : t('as.unused')}</Td>
                  <Td>{formatTime(c.createTime)}</Td>
                  <Td>
                    <span className="flex gap-1">
                      <Button
                        variant="ghost"
                        disabledReason={blocked}
                        onClick={() => open({ kind: 'create', source: c })}
                        data-testid="as-config-copy"
                      >
                        {t('as.copy')}
                      </Button>
                      <Button
                        variant="ghost"
                        disabledReason={blocked ?? (c.groupId ? t('as.configInUse') : undefined)}
                        onClick={() => open({ kind: 'delete', configs: [c] })}
                        data-testid="as-config-delete"
                      >
                        {t('as.delete')}
                      </Button>
                    </span>
                  </Td>
                </tr>
              )}
            />
            <Pager
              page={page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={(p) => set({ page: p > 1 ? String(p) : undefined })}
            />
          </>
        )}
      </QueryView>
      {pending?.kind === 'create' ? (
        <ConfigDialog accountId={accountId} source={pending.source} onClose={close} />
      ) : null}
      {pending?.kind === 'show' ? (
        <ConfigDetailDialog accountId={accountId} configId={pending.configId} onClose={close} />
      ) : null}
      {pending?.kind === 'delete' ? (
        <ConfirmActionDialog
          title={t('as.deleteConfigsTitle', { count: pending.configs.length })}
          confirmLabel={t('as.delete')}
          pending={change.isPending}
          error={change.error}
          onCancel={close}
          onConfirm={() => {
            const ids = pending.configs.map((c) => c.id);
            const done = () => {
              setSelected([]);
              close();
            };
            if (ids.length === 1)
              change.mutate({ kind: 'deleteConfig', configId: ids[0] as string }, { onSuccess: done });
            else change.mutate({ kind: 'deleteConfigs', configIds: ids }, { onSuccess: done });
          }}
          testId="as-config-delete-dialog"
          confirmTestId="as-config-delete-submit"
        >
          <p>{t('as.deleteConfigsBody')}</p>
          <ul className="mt-2 list-inside list-disc">
            {pending.configs.map((c) => (
              <li key={c.id}>{c.name}</li>
            ))}
          </ul>
        </ConfirmActionDialog>
      ) : null}
    </div>
  );
}
