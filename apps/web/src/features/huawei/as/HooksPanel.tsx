import type { AsCreateHookBody, AsGroup, AsHook } from '@console/contract';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { QueryView } from '../../../components/QueryView';
import { RowActions } from '../../../components/RowActions';
import { SectionHeader } from '../../../components/SectionHeader';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';
import { useAsChange, useHanging, useHooks } from './api';
import { intOrUndefined, NativeStatus, selectClass, useBlocked } from './shared';

const TYPES = ['INSTANCE_LAUNCHING', 'INSTANCE_TERMINATING'] as const;
const RESULTS = ['ABANDON', 'CONTINUE'] as const;
const URN = /^urn:smn:[A-Za-z0-9-]+:[A-Za-z0-9]+:[A-Za-z0-9_-]{1,255}$/;

/** CreateLifecycleHook / UpdateLifecycleHook (the name is fixed once made). */
function HookDialog({
  accountId,
  groupId,
  hook,
  onClose,
}: {
  accountId: string;
  groupId: string;
  hook?: AsHook;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useAsChange(accountId);
  const [name, setName] = useState(hook?.name ?? '');
  const [type, setType] = useState(hook?.type ?? 'INSTANCE_LAUNCHING');
  const [result, setResult] = useState(hook?.defaultResult ?? 'ABANDON');
  const [timeout, setTimeoutText] = useState(String(hook?.defaultTimeout ?? 3600));
  const [urn, setUrn] = useState(hook?.topicUrn ?? '');
  const [metadata, setMetadata] = useState(hook?.metadata ?? '');
  const timeoutN = intOrUndefined(timeout);
  const problem = !/^[A-Za-z0-9_-]{1,32}$/.test(name)
    ? t('as.hookNameRule')
    : !URN.test(urn.trim())
      ? t('as.urnRule')
      : timeoutN === undefined || timeoutN < 60 || timeoutN > 86400
        ? t('as.hookTimeoutRule')
        : metadata.length > 256 || /[<>&'()]/.test(metadata)
          ? t('as.metadataRule')
          : undefined;
  const submit = () => {
    const body = {
      type: type as AsCreateHookBody['type'],
      defaultResult: result as AsCreateHookBody['defaultResult'],
      defaultTimeout: timeoutN,
      topicUrn: urn.trim(),
      ...(metadata ? { metadata } : {}),
    };
    if (hook)
      change.mutate({ kind: 'updateHook', groupId, hookName: hook.name, body }, { onSuccess: onClose });
    else change.mutate({ kind: 'createHook', groupId, body: { ...body, name } }, { onSuccess: onClose });
  };
  return (
    <FormDialog
      title={hook ? t('as.editHookTitle', { name: hook.name }) : t('as.createHookTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={hook ? t('as.save') : t('as.createHook')}
      submitTestId="as-hook-submit"
      onSubmit={submit}
      onClose={onClose}
      testId="as-hook-dialog"
    >
      <TextField
        label={t('as.name')}
        value={name}
        disabled={hook !== undefined}
        maxLength={32}
        onChange={setName}
        testId="as-hook-name"
      />
      <SelectField
        label={t('as.hookType')}
        className={selectClass}
        value={type}
        onChange={setType}
        testId="as-hook-type"
      >
        {TYPES.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('as.defaultResult')}
        className={selectClass}
        value={result}
        hint={t('as.defaultResultHint')}
        onChange={setResult}
        testId="as-hook-result"
      >
        {RESULTS.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('as.hookTimeout')}
        value={timeout}
        inputMode="numeric"
        onChange={setTimeoutText}
        testId="as-hook-timeout"
      />
      <TextField label={t('as.topicUrn')} value={urn} onChange={setUrn} testId="as-hook-urn" />
      <TextField
        label={t('as.metadata')}
        value={metadata}
        maxLength={256}
        onChange={setMetadata}
        testId="as-hook-metadata"
      />
    </FormDialog>
  );
}

type Pending = { kind: 'create' } | { kind: 'edit' | 'delete'; hook: AsHook };

/** The group's lifecycle hooks and the instances they hold, each linked to the rollout waiting on it. */
export function HooksPanel({ accountId, group }: { accountId: string; group: AsGroup }) {
  const { t } = useI18n();
  const hooks = useHooks(accountId, group.id);
  const hanging = useHanging(accountId, group.id, group.isScaling);
  const change = useAsChange(accountId);
  const blocked = useBlocked();
  const [pending, setPending] = useState<Pending | null>(null);
  const close = () => setPending(null);
  const open = (p: Pending) => {
    change.reset();
    setPending(p);
  };
  const appLink = `/accounts/${encodeURIComponent(accountId)}/applications/${encodeURIComponent(group.id)}`;
  return (
    <div>
      <SectionHeader
        title={t('as.hooks')}
        action={{
          label: t('as.createHook'),
          testId: 'as-hook-create',
          disabledReason: blocked,
          onClick: () => open({ kind: 'create' }),
        }}
      />
      <QueryView query={hooks}>
        {(data) => (
          <DataTable
            testId="as-hooks-table"
            head={[
              t('as.name'),
              t('as.hookType'),
              t('as.defaultResult'),
              t('as.hookTimeout'),
              t('as.topic'),
              t('as.metadata'),
              t('as.actions'),
            ]}
            rows={data}
            row={(h) => (
              <tr key={h.name} data-testid="as-hook-row" data-hook={h.name}>
                <Td>
                  <span className="font-medium">{h.name}</span>
                </Td>
                <Td>{h.type}</Td>
                <Td>{h.defaultResult}</Td>
                <Td>{t('as.seconds', { n: h.defaultTimeout })}</Td>
                <Td>
                  {h.topicName}
                  <code className="block text-xs text-slate-500">{h.topicUrn}</code>
                </Td>
                <Td>{h.metadata ?? '—'}</Td>
                <Td>
                  <RowActions
                    actions={[
                      {
                        label: t('as.edit'),
                        testId: 'as-hook-edit',
                        disabledReason: blocked,
                        onClick: () => open({ kind: 'edit', hook: h }),
                      },
                      {
                        label: t('as.delete'),
                        testId: 'as-hook-delete',
                        disabledReason: blocked ?? (group.isScaling ? t('as.groupScaling') : undefined),
                        onClick: () => open({ kind: 'delete', hook: h }),
                      },
                    ]}
                  />
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      <SectionHeader title={t('as.heldInstances')} />
      <QueryView query={hanging}>
        {(data) => (
          <DataTable
            testId="as-hanging-table"
            empty={t('as.noneHeld')}
            head={[t('as.instance'), t('as.hook'), t('as.status'), t('as.until'), t('as.defaultResult'), '']}
            rows={data}
            row={(h) => (
              <tr
                key={`${h.hookName}:${h.instanceId}`}
                data-testid="as-hanging-row"
                data-instance={h.instanceId}
              >
                <Td>
                  <span className="font-medium">{h.instanceName ?? h.instanceId}</span>
                  <code className="block text-xs text-slate-500">{h.instanceId}</code>
                </Td>
                <Td>{h.hookName}</Td>
                <Td>
                  <NativeStatus value={h.status} />
                </Td>
                <Td>{formatTime(h.timeout)}</Td>
                <Td>{h.defaultResult ?? '—'}</Td>
                <Td>
                  {h.status === 'HANGING' ? (
                    <Link
                      className="text-blue-700 hover:underline"
                      to={
                        h.rolloutId
                          ? `/accounts/${encodeURIComponent(accountId)}/rollouts/${encodeURIComponent(h.rolloutId)}`
                          : appLink
                      }
                      data-testid="as-hanging-open"
                    >
                      {h.rolloutId ? t('as.decideInRollout') : t('as.openApplication')}
                    </Link>
                  ) : null}
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {pending?.kind === 'create' ? (
        <HookDialog accountId={accountId} groupId={group.id} onClose={close} />
      ) : null}
      {pending?.kind === 'edit' ? (
        <HookDialog accountId={accountId} groupId={group.id} hook={pending.hook} onClose={close} />
      ) : null}
      {pending?.kind === 'delete' ? (
        <ConfirmActionDialog
          title={t('as.deleteHookTitle', { name: pending.hook.name })}
          confirmLabel={t('as.delete')}
          pending={change.isPending}
          error={change.error}
          onCancel={close}
          onConfirm={() =>
            change.mutate(
              { kind: 'deleteHook', groupId: group.id, hookName: pending.hook.name },
              { onSuccess: close },
            )
          }
          testId="as-hook-delete-dialog"
          confirmTestId="as-hook-delete-submit"
        >
          <p>{t('as.deleteHookBody')}</p>
        </ConfirmActionDialog>
      ) : null}
    </div>
  );
}
