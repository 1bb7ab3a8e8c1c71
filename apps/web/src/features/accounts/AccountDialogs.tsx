import type { AdminAccount, CreateAccountBody, Credentials, Product } from '@console/contract';
import { useState } from 'react';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useI18n } from '../../i18n/i18n';
import { useCreateAccount, useDeleteAccount, useReplaceCredentials } from './admin-api';

type Kind = Credentials['kind'];
const PRODUCTS: Product[] = ['sae', 'retailcloud', 'aos', 'as'];
const ID_RULE = /^[a-z0-9-]{1,64}$/;
const isHuawei = (product: Product) => product === 'aos' || product === 'as';
const DEFAULT_REGION: Record<Product, string> = {
  sae: 'cn-hangzhou',
  retailcloud: 'cn-zhangjiakou',
  aos: 'cn-north-4',
  as: 'cn-north-4',
};

interface Draft {
  kind: Kind;
  accessKeyId: string;
  accessKeySecret: string;
  domain: string;
  user: string;
  password: string;
  ak: string;
  sk: string;
}

const emptyDraft = (kind: Kind): Draft => ({
  kind,
  accessKeyId: '',
  accessKeySecret: '',
  domain: '',
  user: '',
  password: '',
  ak: '',
  sk: '',
});

/** The credentials as the API takes them, or undefined while a field is empty. */
function credentialsOf(d: Draft): Credentials | undefined {
  if (d.kind === 'accessKey') {
    return d.accessKeyId && d.accessKeySecret
      ? { kind: 'accessKey', accessKeyId: d.accessKeyId.trim(), accessKeySecret: d.accessKeySecret }
      : undefined;
  }
  if (d.kind === 'token') {
    return d.domain && d.user && d.password
      ? { kind: 'token', domain: d.domain.trim(), user: d.user.trim(), password: d.password }
      : undefined;
  }
  return d.ak && d.sk ? { kind: 'aksk', ak: d.ak.trim(), sk: d.sk } : undefined;
}

/**
 * The product's credential fields, all password inputs: what is typed is never shown, nor offered by
 * the browser's saved logins, and nothing is ever filled in from the server.
 */
function CredentialFields({
  product,
  draft,
  onChange,
}: {
  product: Product;
  draft: Draft;
  onChange: (draft: Draft) => void;
}) {
  const { t } = useI18n();
  const secret = (key: Exclude<keyof Draft, 'kind'>, label: string) => (
    <TextField
      key={key}
      label={label}
      type="password"
      autoComplete="new-password"
      spellCheck={false}
      maxLength={256}
      value={draft[key]}
      onChange={(value) => onChange({ ...draft, [key]: value })}
      testId={`account-cred-${key}`}
    />
  );
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      {isHuawei(product) ? (
        <SelectField
          label={t('accounts.form.authKind')}
          value={draft.kind}
          onChange={(kind) => onChange(emptyDraft(kind as Kind))}
          testId="account-cred-kind"
        >
          <option value="token">{t('accounts.kind.token')}</option>
          <option value="aksk">{t('accounts.kind.aksk')}</option>
        </SelectField>
      ) : null}
      {draft.kind === 'accessKey'
        ? [
            secret('accessKeyId', t('accounts.form.accessKeyId')),
            secret('accessKeySecret', t('accounts.form.accessKeySecret')),
          ]
        : draft.kind === 'token'
          ? [
              secret('domain', t('accounts.form.domain')),
              secret('user', t('accounts.form.user')),
              secret('password', t('accounts.form.password')),
            ]
          : [secret('ak', t('accounts.form.ak')), secret('sk', t('accounts.form.sk'))]}
      <p className="text-xs text-slate-500">{t('accounts.form.writeOnly')}</p>
    </fieldset>
  );
}

export function AddAccountDialog({
  allowedEndpoints,
  takenIds,
  onClose,
}: {
  allowedEndpoints: string[];
  takenIds: string[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const create = useCreateAccount();
  const [product, setProduct] = useState<Product>('sae');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [regionId, setRegionId] = useState(DEFAULT_REGION.sae);
  const [endpoint, setEndpoint] = useState(allowedEndpoints.length === 1 ? (allowedEndpoints[0] ?? '') : '');
  const [iamEndpoint, setIamEndpoint] = useState(endpoint);
  const [profile, setProfile] = useState<'2022' | '2019'>('2022');
  const [projectId, setProjectId] = useState('');
  const [draft, setDraft] = useState<Draft>(emptyDraft('accessKey'));

  const pickProduct = (next: Product) => {
    setProduct(next);
    setRegionId(DEFAULT_REGION[next]);
    setDraft(emptyDraft(isHuawei(next) ? 'token' : 'accessKey'));
  };

  const credentials = credentialsOf(draft);
  const problem = !ID_RULE.test(id)
    ? t('accounts.form.idRule')
    : takenIds.includes(id)
      ? t('accounts.form.idTaken')
      : !name.trim()
        ? t('accounts.form.nameRequired')
        : !regionId.trim()
          ? t('accounts.form.regionRequired')
          : allowedEndpoints.length === 0
            ? t('accounts.form.noEndpoints')
            : !endpoint
              ? t('accounts.form.endpointRequired')
              : isHuawei(product) && !iamEndpoint
                ? t('accounts.form.iamEndpointRequired')
                : isHuawei(product) && !projectId.trim()
                  ? t('accounts.form.projectIdRequired')
                  : !credentials
                    ? t('accounts.form.credentialsRequired')
                    : undefined;

  const submit = () => {
    if (!credentials) return;
    const common = { id, name: name.trim(), regionId: regionId.trim(), endpoint };
    let body: CreateAccountBody;
    if (product === 'aos' || product === 'as') {
      if (credentials.kind === 'accessKey') return;
      body = { ...common, product, iamEndpoint, projectId: projectId.trim(), credentials };
    } else {
      if (credentials.kind !== 'accessKey') return;
      body =
        product === 'sae'
          ? { ...common, product, profile, credentials }
          : { ...common, product, credentials };
    }
    create.mutate(body, {
      onSuccess: () => {
        setDraft(emptyDraft(draft.kind));
        onClose();
      },
    });
  };

  const endpointOptions = (
    <>
      <option value="">{t('accounts.form.pickEndpoint')}</option>
      {allowedEndpoints.map((e) => (
        <option key={e} value={e}>
          {e}
        </option>
      ))}
    </>
  );

  return (
    <FormDialog
      title={t('accounts.form.addTitle')}
      problem={problem}
      error={create.error}
      pending={create.isPending}
      submitLabel={t('accounts.form.submit')}
      submitTestId="account-add-submit"
      onSubmit={submit}
      onClose={onClose}
      testId="account-add-dialog"
    >
      <SelectField
        label={t('accounts.form.product')}
        value={product}
        onChange={(value) => pickProduct(value as Product)}
        testId="account-product"
      >
        {PRODUCTS.map((p) => (
          <option key={p} value={p}>
            {t(`accounts.form.product.${p}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('accounts.form.id')}
        hint={t('accounts.form.idHint')}
        value={id}
        maxLength={64}
        autoComplete="off"
        onChange={setId}
        testId="account-id"
      />
      <TextField
        label={t('accounts.form.name')}
        value={name}
        maxLength={128}
        autoComplete="off"
        onChange={setName}
        testId="account-name"
      />
      <TextField
        label={t('accounts.form.region')}
        hint={t('accounts.form.regionHint')}
        value={regionId}
        maxLength={64}
        onChange={setRegionId}
        testId="account-region"
      />
      <SelectField
        label={t('accounts.form.endpoint')}
        hint={t('accounts.form.endpointHint')}
        value={endpoint}
        onChange={setEndpoint}
        testId="account-endpoint"
      >
        {endpointOptions}
      </SelectField>
      {product === 'sae' ? (
        <SelectField
          label={t('accounts.form.profile')}
          value={profile}
          onChange={(value) => setProfile(value as '2022' | '2019')}
          testId="account-profile"
        >
          <option value="2022">{t('accounts.form.profile.2022')}</option>
          <option value="2019">{t('accounts.form.profile.2019')}</option>
        </SelectField>
      ) : null}
      {isHuawei(product) ? (
        <>
          <SelectField
            label={t('accounts.form.iamEndpoint')}
            value={iamEndpoint}
            onChange={setIamEndpoint}
            testId="account-iam-endpoint"
          >
            {endpointOptions}
          </SelectField>
          <TextField
            label={t('accounts.form.projectId')}
            value={projectId}
            maxLength={64}
            onChange={setProjectId}
            testId="account-project"
          />
        </>
      ) : null}
      <CredentialFields product={product} draft={draft} onChange={setDraft} />
    </FormDialog>
  );
}

export function ReplaceCredentialsDialog({
  account,
  onClose,
}: {
  account: AdminAccount;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const replace = useReplaceCredentials(account.id);
  const [draft, setDraft] = useState<Draft>(emptyDraft(account.credentialKind));
  const credentials = credentialsOf(draft);
  return (
    <FormDialog
      title={t('accounts.form.replaceTitle', { name: account.name })}
      problem={credentials ? undefined : t('accounts.form.credentialsRequired')}
      error={replace.error}
      pending={replace.isPending}
      submitLabel={t('accounts.form.replaceSubmit')}
      submitTestId="account-replace-submit"
      onSubmit={() => {
        if (credentials) replace.mutate({ credentials }, { onSuccess: onClose });
      }}
      onClose={onClose}
      testId="account-replace-dialog"
    >
      <p className="text-sm text-slate-600">{t('accounts.form.replaceHint')}</p>
      <CredentialFields product={account.product} draft={draft} onChange={setDraft} />
    </FormDialog>
  );
}

export function DeleteAccountDialog({ account, onClose }: { account: AdminAccount; onClose: () => void }) {
  const { t } = useI18n();
  const remove = useDeleteAccount(account.id);
  return (
    <ConfirmActionDialog
      title={t('accounts.delete.title', { name: account.name })}
      confirmLabel={t('accounts.delete.submit')}
      pending={remove.isPending}
      error={remove.error}
      onCancel={onClose}
      onConfirm={() => remove.mutate(account.name, { onSuccess: onClose })}
      testId="account-delete-dialog"
      confirmTestId="account-delete-confirm"
      typedName={{
        name: account.name,
        label: t('accounts.delete.typeName', { name: account.name }),
        testId: 'account-delete-name',
        problem: t('accounts.delete.typeProblem'),
      }}
    >
      <p className="text-sm text-slate-700">{t('accounts.delete.warning')}</p>
    </ConfirmActionDialog>
  );
}
