import type { Product } from '@console/contract';
import type { MessageKey } from '../../i18n/messages';
import type { NativeKind } from '../../i18n/native-labels';

/** What the rollout page calls things: each product names its rollout and its operator's decisions. */
export interface RolloutVocabulary {
  title: MessageKey;
  confirm: MessageKey;
  confirmTitle: MessageKey;
  confirmBody: MessageKey;
  confirmSubmit: MessageKey;
  confirmDone: MessageKey;
  /** Said when the confirm started another rollout, which the page then shows (AOS: a retry). */
  confirmFollowUp: MessageKey;
  abort: MessageKey;
  abortTitle: MessageKey;
  abortBody: MessageKey;
  abortSubmit: MessageKey;
  abortRollback: MessageKey;
  /** Stopping acts on the one batch shown (AS: ABANDON of the held instance), so it is bound to it. */
  abortBindsBatch?: true;
  /** Native values a rollout's description is made of (AS: the activity's change reasons), said in words. */
  descriptionKinds: readonly NativeKind[];
}

const sae: RolloutVocabulary = {
  title: 'rollout.title',
  confirm: 'rollout.confirm',
  confirmTitle: 'confirm.title',
  confirmBody: 'confirm.body',
  confirmSubmit: 'confirm.submit',
  confirmDone: 'confirm.done',
  confirmFollowUp: 'confirm.followUp',
  abort: 'rollout.abort',
  abortTitle: 'abort.title',
  abortBody: 'abort.body',
  abortSubmit: 'abort.submit',
  abortRollback: 'rollout.abortRollback',
  descriptionKinds: [],
};

const vocabularies: Record<Product, RolloutVocabulary> = {
  sae,
  retailcloud: {
    ...sae,
    title: 'rollout.titleDeployOrder',
    abort: 'rollout.close',
    abortTitle: 'abort.closeTitle',
    abortBody: 'abort.closeBody',
    abortSubmit: 'abort.closeSubmit',
  },
  as: {
    ...sae,
    title: 'rollout.titleActivity',
    confirm: 'rollout.continue',
    confirmTitle: 'confirm.continueTitle',
    confirmBody: 'confirm.continueBody',
    confirmSubmit: 'confirm.continueSubmit',
    confirmDone: 'confirm.continueDone',
    abort: 'rollout.abandon',
    abortTitle: 'abort.abandonTitle',
    abortBody: 'abort.abandonBody',
    abortSubmit: 'abort.abandonSubmit',
    abortBindsBatch: true,
    descriptionKinds: ['asReason'],
  },
  aos: {
    ...sae,
    title: 'rollout.titleExecution',
    confirm: 'rollout.retry',
    confirmTitle: 'confirm.retryTitle',
    confirmBody: 'confirm.retryBody',
    confirmSubmit: 'confirm.retrySubmit',
    confirmDone: 'confirm.retryDone',
    confirmFollowUp: 'confirm.retryFollowUp',
    abortRollback: 'rollout.rollbackStack',
  },
};

export const rolloutVocabulary = (product: Product | undefined): RolloutVocabulary =>
  vocabularies[product ?? 'sae'];
