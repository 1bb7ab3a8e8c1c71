import type { Translate } from './i18n';
import type { MessageKey } from './messages';

/**
 * Native enumeration values, exactly as the clouds send them, by what they name; each maps to the
 * console's words (messages-native.ts). A value not listed here is shown as it came.
 */
const KINDS = {
  /** Statuses of applications, rollouts, instances, hooks (SAE, Retail Cloud, AS, AOS). */
  status: {
    READY: 'native.status.READY',
    RUNNING: 'native.status.RUNNING',
    SUCCESS: 'native.status.SUCCESS',
    FAIL: 'native.status.FAIL',
    ABORT: 'native.status.ABORT',
    WAIT_BATCH_CONFIRM: 'native.status.WAIT_BATCH_CONFIRM',
    AUTO_BATCH_WAIT: 'native.status.AUTO_BATCH_WAIT',
    SYSTEM_FAIL: 'native.status.SYSTEM_FAIL',
    WAIT_APPROVAL: 'native.status.WAIT_APPROVAL',
    APPROVED: 'native.status.APPROVED',
    STOPPED: 'native.status.STOPPED',
    UNKNOWN: 'native.status.UNKNOWN',
    RUNNING_BUT_HAS_ERROR: 'native.status.RUNNING_BUT_HAS_ERROR',
    ONLINE: 'native.status.ONLINE',
    OFFLINE: 'native.status.OFFLINE',
    // Retail Cloud deploy orders: StatusName and ResultName come in Chinese whatever the console's language.
    等待部署: 'native.status.rc.waiting',
    部署中: 'native.status.rc.deploying',
    暂停: 'native.status.rc.paused',
    已完成: 'native.status.rc.finished',
    成功: 'native.status.rc.success',
    失败: 'native.status.rc.failure',
    人为置为失败: 'native.status.rc.closed',
    待确认: 'native.status.rc.toConfirm',
    INSERVICE: 'native.status.INSERVICE',
    PAUSED: 'native.status.PAUSED',
    ERROR: 'native.status.ERROR',
    DELETING: 'native.status.DELETING',
    PENDING: 'native.status.PENDING',
    PENDING_WAIT: 'native.status.PENDING_WAIT',
    REMOVING: 'native.status.REMOVING',
    REMOVING_WAIT: 'native.status.REMOVING_WAIT',
    DOING: 'native.status.DOING',
    NORMAL: 'native.status.NORMAL',
    INITIALIZING: 'native.status.INITIALIZING',
    EXECUTING: 'native.status.EXECUTING',
    HANGING: 'native.status.HANGING',
    CONTINUE: 'native.status.CONTINUE',
    ABANDON: 'native.status.ABANDON',
    Running: 'native.status.aos.Running',
    Stopped: 'native.status.aos.Stopped',
    Abnormal: 'native.status.aos.Abnormal',
    Pending: 'native.status.aos.Pending',
    Processing: 'native.status.aos.Processing',
    PartialStopped: 'native.status.aos.PartialStopped',
    // AOS spells it so (stack status table 4-51).
    Unknow: 'native.status.aos.Unknow',
    Succeeded: 'native.status.aos.Succeeded',
    Failed: 'native.status.aos.Failed',
    Cancelled: 'native.status.aos.Cancelled',
  },
  /** Retail Cloud EnvTypeName. */
  envType: { 正式: 'native.envType.prod', 测试: 'native.envType.test' },
  /** SAE CoTypeCode (its CoType is the same in Chinese). */
  coType: {
    CoBindSlb: 'native.coType.CoBindSlb',
    CoUnbindSlb: 'native.coType.CoUnbindSlb',
    CoCreateApp: 'native.coType.CoCreateApp',
    CoDeleteApp: 'native.coType.CoDeleteApp',
    CoDeploy: 'native.coType.CoDeploy',
    CoRestartApplication: 'native.coType.CoRestartApplication',
    CoRollback: 'native.coType.CoRollback',
    CoScaleIn: 'native.coType.CoScaleIn',
    CoScaleOut: 'native.coType.CoScaleOut',
    CoStart: 'native.coType.CoStart',
    CoStop: 'native.coType.CoStop',
    CoRescaleApplicationVertically: 'native.coType.CoRescaleApplicationVertically',
    CoDeployHistroy: 'native.coType.CoDeployHistroy',
    CoBindNas: 'native.coType.CoBindNas',
    CoUnbindNas: 'native.coType.CoUnbindNas',
    CoBatchStartApplication: 'native.coType.CoBatchStartApplication',
    CoBatchStopApplication: 'native.coType.CoBatchStopApplication',
    CoRestartInstances: 'native.coType.CoRestartInstances',
    CoDeleteInstances: 'native.coType.CoDeleteInstances',
    CoScaleInAppWithInstances: 'native.coType.CoScaleInAppWithInstances',
  },
  /** AOS execution actionName. */
  aosAction: {
    create: 'native.aosAction.create',
    delete: 'native.aosAction.delete',
    upgrade: 'native.aosAction.upgrade',
    rollback: 'native.aosAction.rollback',
    reconfig: 'native.aosAction.reconfig',
    retry: 'native.aosAction.retry',
    scale: 'native.aosAction.scale',
  },
  /** AS scaling-activity log v2 `type`. */
  asActivityType: {
    NORMAL: 'native.asActivityType.NORMAL',
    MANUAL_ADD: 'native.asActivityType.MANUAL_ADD',
    MANUAL_REMOVE: 'native.asActivityType.MANUAL_REMOVE',
    MANUAL_DELETE: 'native.asActivityType.MANUAL_DELETE',
    ELB_CHECK_DELETE: 'native.asActivityType.ELB_CHECK_DELETE',
    AUDIT_CHECK_DELETE: 'native.asActivityType.AUDIT_CHECK_DELETE',
    DIFF: 'native.asActivityType.DIFF',
    MODIFY_ELB: 'native.asActivityType.MODIFY_ELB',
  },
  /** AS activity `change_reason`: no official list; `MANNUAL` is how the cloud spells it. */
  asReason: {
    MANNUAL: 'native.asReason.MANUAL',
    MANUAL: 'native.asReason.MANUAL',
    DIFF: 'native.asReason.DIFF',
    RECURRENT: 'native.asReason.RECURRENT',
    RECURRENCE: 'native.asReason.RECURRENT',
    SCHEDULED: 'native.asReason.SCHEDULED',
    ALARM: 'native.asReason.ALARM',
  },
} satisfies Record<string, Record<string, MessageKey>>;

export type NativeKind = keyof typeof KINDS;

function keyOf(kinds: readonly NativeKind[], value: string): MessageKey | undefined {
  for (const kind of kinds) {
    const map: Record<string, MessageKey> = KINDS[kind];
    if (Object.hasOwn(map, value)) return map[value];
  }
  return undefined;
}

/** One native value in the console's words, or the value itself when it is not a known one. */
export function nativeLabel(t: Translate, kinds: readonly NativeKind[], value: string): string {
  const key = keyOf(kinds, value);
  return key ? t(key) : value;
}

/**
 * A native text put together from values (`已完成 · 成功`, `upgrade Failed`, `MANNUAL 1 → 2`): each part
 * between ` · ` or `; `, and else each word of it, that is a known value is said in the console's words.
 * `changed` tells whether anything was, so that the raw text can go to a tooltip.
 */
export function nativeText(
  t: Translate,
  kinds: readonly NativeKind[],
  raw: string,
): { text: string; changed: boolean } {
  let changed = false;
  const say = (value: string) => {
    const key = keyOf(kinds, value);
    if (!key) return value;
    changed = true;
    return t(key);
  };
  const text = raw
    .split(/( · |; )/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      if (keyOf(kinds, part)) return say(part);
      return part.split(' ').map(say).join(' ');
    })
    .join('');
  return { text, changed };
}
