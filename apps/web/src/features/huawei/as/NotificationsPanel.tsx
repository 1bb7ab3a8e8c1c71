import type { AsGroup, AsNotification, AsNotificationBody } from '@console/contract';
import { useState } from 'react';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { Field, TextField } from '../../../components/Field';
import { FormDialog } from '../../../components/FormDialog';
import { QueryView } from '../../../components/QueryView';
import { RowActions } from '../../../components/RowActions';
import { SectionHeader } from '../../../components/SectionHeader';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { useAsChange, useNotifications } from './api';
import { useBlocked } from './shared';

const SCENES = [
  'SCALING_UP',
  'SCALING_UP_FAIL',
  'SCALING_DOWN',
  'SCALING_DOWN_FAIL',
  'SCALING_GROUP_ABNORMAL',
] as const;
const URN = /^urn:smn:[A-Za-z0-9-]+:[A-Za-z0-9]+:[A-Za-z0-9_-]{1,255}$/;
/** A group notifies at most five topics (AS.7028). */
const MAX_TOPICS = 5;

/** CreateScalingNotification: one topic and its scenes; saving a topic again replaces its scenes. */
function TopicDialog({
  accountId,
  groupId,
  topic,
  onClose,
}: {
  accountId: string;
  groupId: string;
  topic?: AsNotification;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useAsChange(accountId);
  const [urn, setUrn] = useState(topic?.topicUrn ?? '');
  const [scenes, setScenes] = useState<string[]>(topic?.scenes ?? ['SCALING_UP_FAIL', 'SCALING_DOWN_FAIL']);
  const problem = !URN.test(urn.trim())
    ? t('as.urnRule')
    : scenes.length === 0
      ? t('as.scenesRequired')
      : undefined;
  return (
    <FormDialog
      title={
        topic ? t('as.editTopicTitle', { name: topic.topicName ?? topic.topicUrn }) : t('as.addTopicTitle')
      }
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('as.save')}
      submitTestId="as-topic-submit"
      onSubmit={() =>
        change.mutate(
          {
            kind: 'putNotification',
            groupId,
            body: { topicUrn: urn.trim(), scenes: scenes as AsNotificationBody['scenes'] },
          },
          { onSuccess: onClose },
        )
      }
      onClose={onClose}
      testId="as-topic-dialog"
    >
      <TextField
        label={t('as.topicUrn')}
        value={urn}
        disabled={topic !== undefined}
        placeholder="urn:smn:region:project:name"
        onChange={setUrn}
        testId="as-topic-urn"
      />
      <Field label={t('as.scenes')}>
        <span className="flex flex-col gap-1">
          {SCENES.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={scenes.includes(s)}
                onChange={(e) => setScenes((x) => (e.target.checked ? [...x, s] : x.filter((y) => y !== s)))}
                data-testid={`as-topic-scene-${s}`}
              />
              <code>{s}</code> {t(`as.scene_${s}`)}
            </label>
          ))}
        </span>
      </Field>
    </FormDialog>
  );
}

type Pending = { kind: 'add' } | { kind: 'edit' | 'delete'; topic: AsNotification };

/** The SMN topics the group notifies, and on which scenes. */
export function NotificationsPanel({ accountId, group }: { accountId: string; group: AsGroup }) {
  const { t } = useI18n();
  const topics = useNotifications(accountId, group.id);
  const change = useAsChange(accountId);
  const blocked = useBlocked();
  const [pending, setPending] = useState<Pending | null>(null);
  const close = () => setPending(null);
  const open = (p: Pending) => {
    change.reset();
    setPending(p);
  };
  const full = (topics.data?.length ?? 0) >= MAX_TOPICS ? t('as.topicsFull', { n: MAX_TOPICS }) : undefined;
  return (
    <div>
      <SectionHeader
        title={t('as.notifications')}
        action={{
          label: t('as.addTopic'),
          testId: 'as-topic-add',
          disabledReason: blocked ?? full,
          onClick: () => open({ kind: 'add' }),
        }}
      />
      <QueryView query={topics}>
        {(data) => (
          <DataTable
            testId="as-topics-table"
            head={[t('as.topic'), t('as.scenes'), t('as.actions')]}
            rows={data}
            row={(n) => (
              <tr key={n.topicUrn} data-testid="as-topic-row" data-topic={n.topicName}>
                <Td>
                  <span className="font-medium">{n.topicName}</span>
                  <code className="block text-xs text-slate-500">{n.topicUrn}</code>
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-1">
                    {n.scenes.map((s) => (
                      <code key={s} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                        {s}
                      </code>
                    ))}
                  </span>
                </Td>
                <Td>
                  <RowActions
                    actions={[
                      {
                        label: t('as.edit'),
                        testId: 'as-topic-edit',
                        disabledReason: blocked,
                        onClick: () => open({ kind: 'edit', topic: n }),
                      },
                      {
                        label: t('as.delete'),
                        testId: 'as-topic-delete',
                        disabledReason: blocked,
                        onClick: () => open({ kind: 'delete', topic: n }),
                      },
                    ]}
                  />
                </Td>
              </tr>
            )}
          />
        )}
      </QueryView>
      {pending?.kind === 'add' ? (
        <TopicDialog accountId={accountId} groupId={group.id} onClose={close} />
      ) : null}
      {pending?.kind === 'edit' ? (
        <TopicDialog accountId={accountId} groupId={group.id} topic={pending.topic} onClose={close} />
      ) : null}
      {pending?.kind === 'delete' ? (
        <ConfirmActionDialog
          title={t('as.deleteTopicTitle', { name: pending.topic.topicName ?? pending.topic.topicUrn })}
          confirmLabel={t('as.delete')}
          pending={change.isPending}
          error={change.error}
          onCancel={close}
          onConfirm={() =>
            change.mutate(
              { kind: 'deleteNotification', groupId: group.id, topicUrn: pending.topic.topicUrn },
              { onSuccess: close },
            )
          }
          testId="as-topic-delete-dialog"
          confirmTestId="as-topic-delete-submit"
        >
          <p>{t('as.deleteTopicBody')}</p>
        </ConfirmActionDialog>
      ) : null}
    </div>
  );
}
