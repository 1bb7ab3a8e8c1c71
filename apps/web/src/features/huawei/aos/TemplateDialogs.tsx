import type { AosTemplate, AosUpdateTemplateBody } from '@console/contract';
import { type ChangeEvent, useState } from 'react';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { Field, inputClass, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { type Translate, useI18n } from '../../../i18n/i18n';
import { useAosChange } from './api';
import { AOS_FORBIDDEN, AOS_NAME, AOS_VERSION, TEMPLATE_MAX_BYTES, utf8Bytes } from './shared';

type Format = 'yaml' | 'json';
const formatOf = (fileName: string, text: string): Format =>
  /\.json$/i.test(fileName) || (!/\.ya?ml$/i.test(fileName) && text.trimStart().startsWith('{'))
    ? 'json'
    : 'yaml';
/** The file name the cloud keeps, when the chosen one fits its rules. */
const keptFileName = (name: string) =>
  /^[A-Za-z0-9][A-Za-z0-9_.-]*\.(ya?ml|json)$/.test(name) && name.length <= 64 ? name : undefined;

function metaProblem(t: Translate, description: string, vendor: string): string | undefined {
  if (utf8Bytes(description) > 255) return t('aos.descriptionTooLong');
  if (AOS_FORBIDDEN.test(description) || AOS_FORBIDDEN.test(vendor)) return t('aos.forbiddenChars');
  if ([...vendor].length > 64) return t('aos.vendorTooLong');
  return undefined;
}

function contentProblem(t: Translate, content: string, required: boolean): string | undefined {
  if (content === '') return required ? t('aos.contentRequired') : undefined;
  if (utf8Bytes(content) > TEMPLATE_MAX_BYTES)
    return t('aos.contentTooLarge', { max: TEMPLATE_MAX_BYTES / 1024 });
  return undefined;
}

/** A template file picked from disk (read as text) or pasted; the size limit is checked before reading. */
function ContentField({
  content,
  fileName,
  onContent,
  onProblem,
}: {
  content: string;
  fileName: string;
  onContent: (content: string, fileName: string) => void;
  onProblem: (problem: string | undefined) => void;
}) {
  const { t } = useI18n();
  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > TEMPLATE_MAX_BYTES) {
      onProblem(t('aos.contentTooLarge', { max: TEMPLATE_MAX_BYTES / 1024 }));
      return;
    }
    if (/\.(zip|tar\.gz|tgz)$/i.test(file.name)) {
      onProblem(t('aos.packagesNotUploaded'));
      return;
    }
    onProblem(undefined);
    onContent(await file.text(), file.name);
  };
  return (
    <>
      <Field
        label={t('aos.templateFile')}
        hint={t('aos.templateFileHint', { max: TEMPLATE_MAX_BYTES / 1024 })}
      >
        <input
          type="file"
          accept=".yaml,.yml,.json,application/x-yaml,application/json,text/yaml"
          className="block text-sm"
          onChange={(e) => void pick(e)}
          data-testid="aos-template-file"
        />
      </Field>
      <Field label={fileName ? t('aos.contentOf', { file: fileName }) : t('aos.content')}>
        <textarea
          className={`${inputClass} h-56 font-mono text-xs`}
          value={content}
          spellCheck={false}
          onChange={(e) => onContent(e.target.value, fileName)}
          data-testid="aos-template-content"
        />
      </Field>
    </>
  );
}

/** 创建模板: name, version and the YAML/JSON file; the BFF sends the seed's multipart form. */
export function UploadTemplateDialog({
  accountId,
  onClose,
  onUploaded,
}: {
  accountId: string;
  onClose: () => void;
  onUploaded: (templateId: string) => void;
}) {
  const { t } = useI18n();
  const change = useAosChange(accountId);
  const [name, setName] = useState('');
  const [version, setVersion] = useState('1.0.0');
  const [description, setDescription] = useState('');
  const [vendor, setVendor] = useState('');
  const [content, setContent] = useState('');
  const [fileName, setFileName] = useState('');
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const problem =
    fileProblem ??
    (!AOS_NAME.test(name)
      ? t('aos.nameRule')
      : version.length > 24 || !AOS_VERSION.test(version)
        ? t('aos.versionRule')
        : (metaProblem(t, description, vendor) ?? contentProblem(t, content, true)));
  const submit = () => {
    const kept = keptFileName(fileName);
    change.mutate(
      {
        kind: 'createTemplate',
        body: {
          name,
          version,
          ...(description ? { description } : {}),
          ...(vendor ? { vendor } : {}),
          format: formatOf(fileName, content),
          content,
          ...(kept ? { fileName: kept } : {}),
        },
      },
      { onSuccess: (answer) => onUploaded('id' in answer ? String(answer.id) : '') },
    );
  };
  return (
    <FormDialog
      title={t('aos.uploadTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('aos.upload')}
      submitTestId="aos-upload-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="aos-upload-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('aos.templateName')}
          hint={t('aos.nameRule')}
          value={name}
          maxLength={64}
          onChange={setName}
          testId="aos-upload-name"
        />
        <TextField
          label={t('aos.version')}
          value={version}
          maxLength={24}
          onChange={setVersion}
          testId="aos-upload-version"
        />
        <TextField
          label={t('aos.description')}
          value={description}
          onChange={setDescription}
          testId="aos-upload-description"
        />
        <TextField label={t('aos.vendor')} value={vendor} onChange={setVendor} testId="aos-upload-vendor" />
      </div>
      <ContentField
        content={content}
        fileName={fileName}
        onContent={(text, file) => {
          setContent(text);
          setFileName(file);
          if (!name && file) {
            const base = file
              .replace(/\.(ya?ml|json)$/i, '')
              .toLowerCase()
              .replace(/[^a-z0-9-]/g, '-');
            if (AOS_NAME.test(base)) setName(base);
          }
        }}
        onProblem={setFileProblem}
      />
    </FormDialog>
  );
}

/**
 * 更新模板: version, description, vendor and (optionally) a new file. Without a new file the BFF sends
 * the current one again, as the cloud needs a file with every update.
 */
export function UpdateTemplateDialog({
  accountId,
  template,
  onClose,
}: {
  accountId: string;
  template: AosTemplate;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useAosChange(accountId);
  const [version, setVersion] = useState(template.version);
  const [description, setDescription] = useState(template.description);
  const [vendor, setVendor] = useState(template.vendor);
  const [content, setContent] = useState('');
  const [fileName, setFileName] = useState('');
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const body: AosUpdateTemplateBody = {
    ...(version !== template.version ? { version } : {}),
    ...(description !== template.description ? { description } : {}),
    ...(vendor !== template.vendor ? { vendor } : {}),
    ...(content
      ? {
          content,
          format: formatOf(fileName, content),
          ...(keptFileName(fileName) ? { fileName: keptFileName(fileName) } : {}),
        }
      : {}),
  };
  const problem =
    fileProblem ??
    (version.length > 24 || !AOS_VERSION.test(version)
      ? t('aos.versionRule')
      : (metaProblem(t, description, vendor) ??
        contentProblem(t, content, false) ??
        (Object.keys(body).length === 0 ? t('aos.nothingChanged') : undefined)));
  return (
    <FormDialog
      title={t('aos.updateTitle', { name: `${template.name}@${template.version}` })}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('aos.save')}
      submitTestId="aos-update-submit"
      onSubmit={() =>
        change.mutate({ kind: 'updateTemplate', templateId: template.id, body }, { onSuccess: onClose })
      }
      onClose={onClose}
      wide
      testId="aos-update-dialog"
    >
      {template.isUsed ? (
        <p
          className="rounded-md bg-amber-50 p-2 text-sm text-amber-900"
          data-testid="aos-template-used-warning"
        >
          {t('aos.templateUsedWarning')}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label={t('aos.version')}
          value={version}
          maxLength={24}
          onChange={setVersion}
          testId="aos-update-version"
        />
        <TextField
          label={t('aos.description')}
          value={description}
          onChange={setDescription}
          testId="aos-update-description"
        />
        <TextField label={t('aos.vendor')} value={vendor} onChange={setVendor} testId="aos-update-vendor" />
      </div>
      <p className="text-xs text-slate-500">{t('aos.updateKeepsFile')}</p>
      <ContentField
        content={content}
        fileName={fileName}
        onContent={(text, file) => {
          setContent(text);
          setFileName(file);
        }}
        onProblem={setFileProblem}
      />
    </FormDialog>
  );
}

/** 删除模板; the cloud refuses while stacks use it (SVCSTG.AOS.4091010), and the dialog shows its answer. */
export function DeleteTemplateDialog({
  accountId,
  template,
  onClose,
  onDeleted,
}: {
  accountId: string;
  template: AosTemplate;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const change = useAosChange(accountId);
  return (
    <ConfirmActionDialog
      title={t('aos.deleteTemplateTitle', { name: `${template.name}@${template.version}` })}
      confirmLabel={t('aos.delete')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() =>
        change.mutate({ kind: 'deleteTemplate', templateId: template.id }, { onSuccess: onDeleted })
      }
      testId="aos-delete-template-dialog"
      confirmTestId="aos-delete-template-submit"
    >
      <p>{t('aos.deleteTemplateBody')}</p>
      {template.isUsed ? (
        <p className="mt-2 rounded-md bg-amber-50 p-2 text-amber-900" data-testid="aos-template-used-warning">
          {t('aos.templateUsedWarning')}
        </p>
      ) : null}
    </ConfirmActionDialog>
  );
}
