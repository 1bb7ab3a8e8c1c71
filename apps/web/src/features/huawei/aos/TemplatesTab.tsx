import type { AosTemplate } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { Pager } from '../../../components/Pager';
import { QueryView } from '../../../components/QueryView';
import { SectionHeader } from '../../../components/SectionHeader';
import { Loading } from '../../../components/Spinner';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';
import { useTemplate, useTemplateContent, useTemplateInputs, useTemplates } from './api';
import { useConstraintText } from './InputsForm';
import { CreateStackDialog } from './StackDialogs';
import { showValue, useBilingual, useBlocked } from './shared';
import { DeleteTemplateDialog, UpdateTemplateDialog, UploadTemplateDialog } from './TemplateDialogs';

/** 查询模板列表, a page at a time (offset/limit; the total from Content-Range); a click opens one. */
export function TemplateList({
  accountId,
  page,
  onPage,
  onOpen,
}: {
  accountId: string;
  page: number;
  onPage: (page: number) => void;
  onOpen: (templateId: string) => void;
}) {
  const { t } = useI18n();
  const templates = useTemplates(accountId, page);
  const blocked = useBlocked('operator');
  const [uploading, setUploading] = useState(false);
  return (
    <div>
      <SectionHeader
        title={t('aos.templates')}
        action={{
          label: t('aos.upload'),
          testId: 'aos-template-upload',
          disabledReason: blocked,
          onClick: () => setUploading(true),
        }}
      />
      <QueryView query={templates}>
        {(data) => (
          <>
            <DataTable
              testId="aos-templates-table"
              head={[
                t('aos.templateName'),
                t('aos.version'),
                t('aos.description'),
                t('aos.inUse'),
                t('aos.dsl'),
                t('aos.updated'),
              ]}
              rows={data.items}
              row={(tpl) => (
                <tr key={tpl.id} data-testid="aos-template-row" data-template={tpl.id} data-name={tpl.name}>
                  <Td>
                    <button
                      type="button"
                      className="font-medium text-blue-700 hover:underline"
                      onClick={() => onOpen(tpl.id)}
                      data-testid="aos-template-open"
                    >
                      {tpl.name}
                    </button>
                    <code className="block text-xs text-slate-500">{tpl.id}</code>
                  </Td>
                  <Td>{tpl.version}</Td>
                  <Td>{tpl.description || '—'}</Td>
                  <Td>{tpl.isUsed ? t('common.yes') : t('common.no')}</Td>
                  <Td>
                    <code className="text-xs">{tpl.dslVersion}</code>
                  </Td>
                  <Td>{formatTime(tpl.updatedAt)}</Td>
                </tr>
              )}
            />
            <Pager page={page} pageSize={data.pageSize} total={data.total} onPage={onPage} />
            {data.contentRange ? (
              <p className="text-xs text-slate-500" data-testid="aos-content-range">
                Content-Range: <code>{data.contentRange}</code>
              </p>
            ) : null}
          </>
        )}
      </QueryView>
      {uploading ? (
        <UploadTemplateDialog
          accountId={accountId}
          onClose={() => setUploading(false)}
          onUploaded={(id) => {
            setUploading(false);
            if (id) onOpen(id);
          }}
        />
      ) : null}
    </div>
  );
}

function TemplateInfo({ template }: { template: AosTemplate }) {
  const { t } = useI18n();
  const rows: [string, string][] = [
    [t('aos.vendor'), template.vendor || '—'],
    [t('aos.description'), template.description || '—'],
    [t('aos.dsl'), template.dslVersion],
    [t('aos.scope'), template.scope],
    [t('aos.mainFile'), template.mainFileName],
    [t('aos.needCluster'), template.needCluster ? t('common.yes') : t('common.no')],
    [t('aos.includeStack'), template.includeStack ? t('common.yes') : t('common.no')],
    [t('aos.inUse'), template.isUsed ? t('common.yes') : t('common.no')],
    [t('aos.created'), formatTime(template.createdAt)],
    [t('aos.updated'), formatTime(template.updatedAt)],
  ];
  return (
    <dl
      className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid="aos-template-info"
    >
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd data-testid={k === t('aos.inUse') ? 'aos-template-used' : undefined}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function TemplateInputsTable({ accountId, templateId }: { accountId: string; templateId: string }) {
  const { t } = useI18n();
  const inputs = useTemplateInputs(accountId, templateId);
  const bilingual = useBilingual();
  const constraintText = useConstraintText();
  return (
    <QueryView query={inputs}>
      {(data) => (
        <DataTable
          testId="aos-template-inputs"
          empty={t('aos.noInputs')}
          head={[
            t('aos.inputName'),
            t('aos.inputType'),
            t('aos.inputDefault'),
            t('aos.description'),
            t('aos.constraints'),
            t('aos.inputFlags'),
          ]}
          rows={data}
          row={(i) => (
            <tr key={i.name} data-testid="aos-template-input-row" data-input={i.name}>
              <Td>
                <code>{i.name}</code>
                {i.label ? <span className="block text-xs text-slate-500">{bilingual(i.label)}</span> : null}
              </Td>
              <Td>
                <code className="text-xs">{i.type}</code>
              </Td>
              <Td>
                {i.type === 'password' || i.type === 'secret' ? (
                  <span className="text-slate-500">{i.default === undefined ? '—' : '••••••'}</span>
                ) : (
                  <code className="text-xs" data-testid="aos-template-input-default">
                    {showValue(i.default)}
                  </code>
                )}
              </Td>
              <Td>{bilingual(i.description) || '—'}</Td>
              <Td>{constraintText(i.constraints) || '—'}</Td>
              <Td>
                {[
                  i.required ? t('aos.required') : '',
                  i.advanced ? t('aos.advanced') : '',
                  i.immutable ? t('aos.immutable') : '',
                ]
                  .filter(Boolean)
                  .join(', ') || '—'}
              </Td>
            </tr>
          )}
        />
      )}
    </QueryView>
  );
}

function TemplateFile({ accountId, templateId }: { accountId: string; templateId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const content = useTemplateContent(accountId, templateId, open);
  const save = () => {
    const data = content.data;
    if (!data) return;
    const url = URL.createObjectURL(new Blob([data.content], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = data.fileName;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div>
      <SectionHeader
        title={t('aos.templateContent')}
        action={{
          label: open ? t('aos.hideContent') : t('aos.showContent'),
          testId: 'aos-template-show-content',
          disabledReason: undefined,
          variant: 'secondary',
          onClick: () => setOpen(!open),
        }}
      >
        {open && content.data?.isText ? (
          <Button onClick={save} data-testid="aos-template-download">
            {t('aos.download')}
          </Button>
        ) : null}
      </SectionHeader>
      {open ? (
        <QueryView query={content}>
          {(data) =>
            data.isText ? (
              <>
                <p className="mb-1 text-xs text-slate-500">
                  <code>{data.fileName}</code> · {t('aos.bytes', { count: data.bytes })}
                </p>
                <pre
                  className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 text-xs"
                  data-testid="aos-template-file-content"
                >
                  {data.content}
                </pre>
              </>
            ) : (
              <p className="text-sm text-slate-600">{t('aos.packageNotShown', { file: data.fileName })}</p>
            )
          }
        </QueryView>
      ) : null}
    </div>
  );
}

/** One template: what it is, its inputs, its file; update, delete, and a stack created from it. */
export function TemplateDetail({
  accountId,
  templateId,
  onBack,
  onStackCreated,
}: {
  accountId: string;
  templateId: string;
  onBack: () => void;
  onStackCreated: (stackId: string) => void;
}) {
  const { t } = useI18n();
  const template = useTemplate(accountId, templateId);
  const blocked = useBlocked('operator');
  const [open, setOpen] = useState<'edit' | 'delete' | 'stack' | null>(null);
  return (
    <div data-testid="aos-template-detail">
      <button
        type="button"
        className="text-sm text-blue-700 hover:underline"
        onClick={onBack}
        data-testid="aos-template-back"
      >
        ← {t('aos.allTemplates')}
      </button>
      {template.error ? <ErrorPanel error={template.error} onRetry={() => void template.refetch()} /> : null}
      {template.isPending ? <Loading /> : null}
      {template.data ? (
        <>
          <div className="mt-1 mb-4 flex flex-wrap items-center gap-3">
            <h2 className="text-xl font-semibold" data-testid="aos-template-name">
              {template.data.name}
            </h2>
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs" data-testid="aos-template-version">
              {template.data.version}
            </span>
            <code className="text-xs text-slate-500">{template.data.id}</code>
            <span className="ml-auto flex gap-2">
              <Button
                variant="primary"
                disabledReason={blocked}
                onClick={() => setOpen('stack')}
                data-testid="aos-template-create-stack"
              >
                {t('aos.createStack')}
              </Button>
              <Button
                disabledReason={blocked}
                onClick={() => setOpen('edit')}
                data-testid="aos-template-edit"
              >
                {t('aos.edit')}
              </Button>
              <Button
                variant="danger"
                disabledReason={blocked}
                onClick={() => setOpen('delete')}
                data-testid="aos-template-delete"
              >
                {t('aos.delete')}
              </Button>
            </span>
          </div>
          <TemplateInfo template={template.data} />
        </>
      ) : null}
      <SectionHeader title={t('aos.inputs')} />
      <TemplateInputsTable accountId={accountId} templateId={templateId} />
      <TemplateFile accountId={accountId} templateId={templateId} />
      {open === 'edit' && template.data ? (
        <UpdateTemplateDialog accountId={accountId} template={template.data} onClose={() => setOpen(null)} />
      ) : null}
      {open === 'delete' && template.data ? (
        <DeleteTemplateDialog
          accountId={accountId}
          template={template.data}
          onClose={() => setOpen(null)}
          onDeleted={() => {
            setOpen(null);
            onBack();
          }}
        />
      ) : null}
      {open === 'stack' ? (
        <CreateStackDialog
          accountId={accountId}
          templateId={templateId}
          onClose={() => setOpen(null)}
          onCreated={(id) => {
            setOpen(null);
            onStackCreated(id);
          }}
        />
      ) : null}
    </div>
  );
}
