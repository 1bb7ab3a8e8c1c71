import type { AosLifecycleStarted, AosStackDetail, AosTemplateInput } from '@console/contract';
import { useEffect, useState } from 'react';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { SelectField, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { Loading } from '../../../components/Spinner';
import { useI18n } from '../../../i18n/i18n';
import { useAllTemplates, useAosChange, useTemplateInputs } from './api';
import { changedInputs, draftProblem, type InputDraft, InputsForm, initialDraft } from './InputsForm';
import { AOS_FORBIDDEN, AOS_NAME, utf8Bytes } from './shared';

const selectClass = 'block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
const LABEL = /^[a-zA-Z0-9_]+[-.a-zA-Z0-9_]*$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The form's inputs, started once the template's inputs are known (and again for another template). */
function useDraft(inputs: AosTemplateInput[] | undefined, current?: Record<string, unknown>) {
  const [draft, setDraft] = useState<InputDraft>({});
  const [of, setOf] = useState<AosTemplateInput[] | undefined>();
  useEffect(() => {
    if (inputs && inputs !== of) {
      setOf(inputs);
      setDraft(initialDraft(inputs, current));
    }
  }, [inputs, of, current]);
  return [draft, setDraft] as const;
}

function TemplatePicker({
  accountId,
  value,
  onChange,
  label,
  testId,
}: {
  accountId: string;
  value: string;
  onChange: (templateId: string) => void;
  label: string;
  testId: string;
}) {
  const { t } = useI18n();
  const templates = useAllTemplates(accountId);
  return (
    <SelectField label={label} className={selectClass} value={value} onChange={onChange} testId={testId}>
      <option value="">{t('aos.chooseTemplate')}</option>
      {templates.data?.items.map((tpl) => (
        <option key={tpl.id} value={tpl.id}>
          {tpl.name}@{tpl.version}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * 创建堆栈 from a template: the form is made from the template's inputs (types, defaults,
 * constraints); `auto_create` installs the stack at once.
 */
export function CreateStackDialog({
  accountId,
  templateId: initialTemplate = '',
  onClose,
  onCreated,
}: {
  accountId: string;
  templateId?: string;
  onClose: () => void;
  onCreated: (stackId: string) => void;
}) {
  const { t } = useI18n();
  const change = useAosChange(accountId);
  const [templateId, setTemplateId] = useState(initialTemplate);
  const inputs = useTemplateInputs(accountId, templateId);
  const [draft, setDraft] = useDraft(inputs.data);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [autoCreate, setAutoCreate] = useState(true);
  const [failureStrategy, setFailureStrategy] = useState<'DoNothing' | 'Rollback'>('DoNothing');
  const [timeout, setTimeoutMinutes] = useState('60');
  const [clusterId, setClusterId] = useState('');
  const [namespace, setNamespace] = useState('');
  const [labels, setLabels] = useState('');
  const labelPairs = labels
    .split(/[\n,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => pair.split('=').map((s) => s.trim()));
  const minutes = Number(timeout);
  const problem =
    templateId === ''
      ? t('aos.chooseTemplate')
      : !AOS_NAME.test(name)
        ? t('aos.nameRule')
        : utf8Bytes(description) > 255
          ? t('aos.descriptionTooLong')
          : AOS_FORBIDDEN.test(description)
            ? t('aos.forbiddenChars')
            : !Number.isInteger(minutes) || minutes < 1 || minutes > 1440
              ? t('aos.timeoutRule')
              : namespace !== '' && !NAMESPACE.test(namespace)
                ? t('aos.namespaceRule')
                : labelPairs.some((p) => p.length !== 2 || !p.every((s) => s.length <= 64 && LABEL.test(s)))
                  ? t('aos.labelsRule')
                  : inputs.data
                    ? draftProblem(t, inputs.data, draft, false)
                    : t('common.loading');
  const submit = () => {
    if (!inputs.data) return;
    change.mutate(
      {
        kind: 'createStack',
        body: {
          name,
          templateId,
          ...(description ? { description } : {}),
          inputs: changedInputs(inputs.data, draft, {}),
          autoCreate,
          failureStrategy,
          timeout: minutes,
          ...(labelPairs.length > 0
            ? { labels: Object.fromEntries(labelPairs.map(([k, v]) => [k ?? '', v ?? ''])) }
            : {}),
          ...(clusterId ? { clusterId } : {}),
          ...(namespace ? { namespace } : {}),
        },
      },
      { onSuccess: (answer) => onCreated('id' in answer ? String(answer.id) : '') },
    );
  };
  return (
    <FormDialog
      title={t('aos.createStackTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('aos.createStack')}
      submitTestId="aos-create-stack-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="aos-create-stack-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TemplatePicker
          accountId={accountId}
          value={templateId}
          onChange={setTemplateId}
          label={t('aos.template')}
          testId="aos-create-stack-template"
        />
        <TextField
          label={t('aos.stackName')}
          hint={t('aos.nameRule')}
          value={name}
          maxLength={64}
          onChange={setName}
          testId="aos-create-stack-name"
        />
        <TextField
          label={t('aos.description')}
          value={description}
          onChange={setDescription}
          testId="aos-create-stack-description"
        />
        <TextField
          label={t('aos.labels')}
          hint={t('aos.labelsHint')}
          value={labels}
          onChange={setLabels}
          testId="aos-create-stack-labels"
        />
        <TextField
          label={t('aos.clusterId')}
          hint={t('aos.clusterIdHint')}
          value={clusterId}
          maxLength={64}
          onChange={setClusterId}
          testId="aos-create-stack-cluster"
        />
        <TextField
          label={t('aos.namespace')}
          hint={t('aos.namespaceHint')}
          value={namespace}
          onChange={setNamespace}
          testId="aos-create-stack-namespace"
        />
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-xs font-semibold text-slate-600">{t('aos.install')}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={autoCreate}
            onChange={(e) => setAutoCreate(e.target.checked)}
            data-testid="aos-create-stack-auto"
          />
          {t('aos.autoCreate')}
        </label>
        {autoCreate ? (
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <SelectField
              label={t('aos.failureStrategy')}
              className={selectClass}
              value={failureStrategy}
              onChange={(v) => setFailureStrategy(v as typeof failureStrategy)}
              testId="aos-create-stack-strategy"
            >
              <option value="DoNothing">{t('aos.strategyDoNothing')}</option>
              <option value="Rollback">{t('aos.strategyRollback')}</option>
            </SelectField>
            <TextField
              label={t('aos.timeout')}
              type="number"
              min={1}
              max={1440}
              value={timeout}
              onChange={setTimeoutMinutes}
              testId="aos-create-stack-timeout"
            />
          </div>
        ) : (
          <p className="mt-1 text-xs text-slate-500">{t('aos.autoCreateOff')}</p>
        )}
      </fieldset>
      <h3 className="text-sm font-semibold">{t('aos.inputs')}</h3>
      {templateId === '' ? null : inputs.isPending ? (
        <Loading />
      ) : inputs.data ? (
        <InputsForm inputs={inputs.data} draft={draft} onChange={setDraft} />
      ) : null}
    </FormDialog>
  );
}

/**
 * Lifecycle `upgrade`: another template or version and new inputs, starting from the stack's current
 * ones. Only what changes is sent; a secret left empty stays as it is.
 */
export function UpgradeStackDialog({
  accountId,
  stack,
  onClose,
  onStarted,
}: {
  accountId: string;
  stack: AosStackDetail;
  onClose: () => void;
  onStarted: (started: AosLifecycleStarted) => void;
}) {
  const { t } = useI18n();
  const change = useAosChange(accountId);
  const [templateId, setTemplateId] = useState(stack.templateId);
  const inputs = useTemplateInputs(accountId, templateId);
  const [draft, setDraft] = useDraft(inputs.data, stack.inputs);
  const [timeout, setTimeoutMinutes] = useState('60');
  const minutes = Number(timeout);
  const templateChanged = templateId !== stack.templateId;
  const changed = inputs.data ? changedInputs(inputs.data, draft, stack.inputs) : {};
  const problem =
    templateId === ''
      ? t('aos.chooseTemplate')
      : !Number.isInteger(minutes) || minutes < 1 || minutes > 1440
        ? t('aos.timeoutRule')
        : !inputs.data
          ? t('common.loading')
          : (draftProblem(t, inputs.data, draft, true) ??
            (!templateChanged && Object.keys(changed).length === 0 ? t('aos.nothingChanged') : undefined));
  return (
    <FormDialog
      title={t('aos.upgradeTitle', { name: stack.name })}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('aos.upgrade')}
      submitTestId="aos-upgrade-submit"
      onSubmit={() =>
        change.mutate(
          {
            kind: 'upgrade',
            stackId: stack.id,
            body: { ...(templateChanged ? { templateId } : {}), inputs: changed, timeout: minutes },
          },
          {
            onSuccess: (answer) =>
              'actionId' in answer && answer.actionId && onStarted(answer as AosLifecycleStarted),
          },
        )
      }
      onClose={onClose}
      wide
      testId="aos-upgrade-dialog"
    >
      <p className="text-sm text-slate-600">
        {t('aos.upgradeBody', { template: `${stack.templateName}@${stack.templateVersion}` })}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TemplatePicker
          accountId={accountId}
          value={templateId}
          onChange={setTemplateId}
          label={t('aos.templateVersion')}
          testId="aos-upgrade-template"
        />
        <TextField
          label={t('aos.timeout')}
          type="number"
          min={1}
          max={1440}
          value={timeout}
          onChange={setTimeoutMinutes}
          testId="aos-upgrade-timeout"
        />
      </div>
      {inputs.isPending ? (
        <Loading />
      ) : inputs.data ? (
        <InputsForm inputs={inputs.data} draft={draft} onChange={setDraft} upgrade />
      ) : null}
      <p className="text-xs text-slate-500" data-testid="aos-upgrade-changes">
        {templateChanged || Object.keys(changed).length > 0
          ? t('aos.upgradeChanges', {
              inputs: Object.keys(changed).join(', ') || '—',
            })
          : t('aos.nothingChanged')}
      </p>
    </FormDialog>
  );
}

/** Lifecycle `create` of a stack made without `auto_create` (or whose install failed). */
export function InstallStackDialog({
  accountId,
  stack,
  onClose,
  onStarted,
}: {
  accountId: string;
  stack: AosStackDetail;
  onClose: () => void;
  onStarted: (started: AosLifecycleStarted) => void;
}) {
  const { t } = useI18n();
  const change = useAosChange(accountId);
  const [failureStrategy, setFailureStrategy] = useState<'DoNothing' | 'Rollback'>('DoNothing');
  return (
    <FormDialog
      title={t('aos.installTitle', { name: stack.name })}
      problem={undefined}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('aos.install')}
      submitTestId="aos-install-submit"
      onSubmit={() =>
        change.mutate(
          { kind: 'install', stackId: stack.id, body: { failureStrategy } },
          {
            onSuccess: (answer) =>
              'actionId' in answer && answer.actionId && onStarted(answer as AosLifecycleStarted),
          },
        )
      }
      onClose={onClose}
      testId="aos-install-dialog"
    >
      <p>{t('aos.installBody')}</p>
      <SelectField
        label={t('aos.failureStrategy')}
        className={selectClass}
        value={failureStrategy}
        onChange={(v) => setFailureStrategy(v as typeof failureStrategy)}
        testId="aos-install-strategy"
      >
        <option value="DoNothing">{t('aos.strategyDoNothing')}</option>
        <option value="Rollback">{t('aos.strategyRollback')}</option>
      </SelectField>
    </FormDialog>
  );
}

/** Lifecycle `retry` or `rollback`: one question saying what will happen. */
export function StackActionDialog({
  accountId,
  stack,
  action,
  onClose,
  onStarted,
}: {
  accountId: string;
  stack: AosStackDetail;
  action: 'retry' | 'rollback';
  onClose: () => void;
  onStarted: (started: AosLifecycleStarted) => void;
}) {
  const { t } = useI18n();
  const change = useAosChange(accountId);
  const failed = stack.lastExecution;
  return (
    <ConfirmActionDialog
      title={t(action === 'retry' ? 'aos.retryTitle' : 'aos.rollbackTitle', { name: stack.name })}
      confirmLabel={t(action === 'retry' ? 'aos.retry' : 'aos.rollback')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() =>
        change.mutate(
          { kind: action, stackId: stack.id },
          {
            onSuccess: (answer) =>
              'actionId' in answer && answer.actionId && onStarted(answer as AosLifecycleStarted),
          },
        )
      }
      testId={`aos-${action}-dialog`}
      confirmTestId={`aos-${action}-submit`}
    >
      {action === 'retry' ? (
        <p>
          {t('aos.retryBody', { action: failed?.actionName ?? '—' })}
          {failed?.message ? (
            <span className="mt-2 block rounded bg-red-50 p-2 text-xs text-red-900">{failed.message}</span>
          ) : null}
        </p>
      ) : (
        <p>{t('aos.rollbackBody', { template: stack.previousTemplateId || stack.templateId })}</p>
      )}
    </ConfirmActionDialog>
  );
}

/**
 * Deleting a stack, its name typed out: 删除堆栈 (DeleteStack), the delete lifecycle as an execution,
 * or — once a delete failed — the forced delete that removes the stack record.
 */
export function DeleteStackDialog({
  accountId,
  stack,
  onClose,
  onDeleted,
  onStarted,
}: {
  accountId: string;
  stack: AosStackDetail;
  onClose: () => void;
  onDeleted: () => void;
  onStarted: (started: AosLifecycleStarted) => void;
}) {
  const { t } = useI18n();
  const change = useAosChange(accountId);
  const [mode, setMode] = useState<'delete' | 'lifecycle' | 'force'>(stack.deleteFailed ? 'force' : 'delete');
  const modes = ['delete', 'lifecycle', ...(stack.deleteFailed ? (['force'] as const) : [])] as const;
  return (
    <ConfirmActionDialog
      title={t('aos.deleteStackTitle', { name: stack.name })}
      confirmLabel={t(mode === 'force' ? 'aos.forceDelete' : 'aos.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() =>
        mode === 'lifecycle'
          ? change.mutate(
              { kind: 'lifecycleDelete', stackId: stack.id, confirmName: stack.name },
              {
                onSuccess: (answer) =>
                  'actionId' in answer && answer.actionId && onStarted(answer as AosLifecycleStarted),
              },
            )
          : change.mutate(
              { kind: 'deleteStack', stackId: stack.id, confirmName: stack.name, force: mode === 'force' },
              { onSuccess: onDeleted },
            )
      }
      testId="aos-delete-stack-dialog"
      confirmTestId="aos-delete-stack-submit"
      typedName={{
        name: stack.name,
        label: t('aos.typeToConfirm', { name: stack.name }),
        testId: 'aos-delete-stack-name',
        problem: t('aos.typeToConfirmProblem'),
      }}
    >
      <fieldset className="space-y-2">
        {modes.map((m) => (
          <label key={m} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="aos-delete-mode"
              className="mt-1"
              checked={mode === m}
              onChange={() => setMode(m)}
              data-testid={`aos-delete-mode-${m}`}
            />
            <span>
              <span className="font-medium">{t(`aos.deleteMode_${m}`)}</span>
              <span className="block text-xs text-slate-500">{t(`aos.deleteModeHint_${m}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </ConfirmActionDialog>
  );
}
