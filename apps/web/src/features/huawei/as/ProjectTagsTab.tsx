import { QueryView } from '../../../components/QueryView';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { useProjectTags } from './api';

/** Every tag key on the project's scaling groups with the values in use (ListScalingTagInfosByTenantId). */
export function ProjectTagsTab({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const tags = useProjectTags(accountId);
  return (
    <div>
      <p className="mb-3 text-sm text-slate-600">{t('as.projectTagsIntro')}</p>
      <QueryView query={tags}>
        {(data) => (
          <DataTable
            testId="as-project-tags-table"
            head={[t('as.tagKey'), t('as.tagValues')]}
            rows={data}
            row={(tag) => (
              <tr key={tag.key} data-testid="as-project-tag-row" data-key={tag.key}>
                <Td>
                  <code>{tag.key}</code>
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {tag.values.map((v) => (
                      <span key={v} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                        {v || '—'}
                      </span>
                    ))}
                  </span>
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>
    </div>
  );
}
