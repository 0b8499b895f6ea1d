/**
 * Enum values as words. Pure data (no `vscode` import) so view models and tree labels can be
 * unit-tested in plain Node; callers pass `vscode.l10n.t` as `t` to get the user's language.
 * Chinese strings live in l10n/parts/words.zh-cn.json, keyed by the English text.
 */
import type { SimStatus } from '../gsl/models';
import type { Translate } from './translate';

const same: Translate = (m) => m;

export const SIM_STATUS_WORDS: Record<SimStatus, string> = {
  10: 'Testable',
  11: 'Inactive',
  13: 'Activatable',
  14: 'Deactivated',
  20: 'In use',
  30: 'Dismantled',
};
export const SIM_TYPE_WORDS: Record<number, string> = { 1: 'vSIM', 2: 'eSIM', 3: 'Physical card' };
export const DEVICE_STATUS_WORDS: Record<number, string> = { 1: 'Registered', 2: 'Restarted', 3: 'Online', 4: 'Offline' };
export const OPERATOR_STATUS_WORDS: Record<number, string> = {
  [-1]: 'Normal',
  1: 'Suspended: data used up',
  2: 'Suspended: over usage threshold',
  3: 'Suspended: pool suspended',
  4: 'Suspended: plan expired',
  5: 'Suspended by the customer',
  6: 'Suspended: violation',
  7: 'Suspended: device/SIM separation',
};
export const SIGNAL_LEVEL_WORDS: Record<string, string> = { '1': 'Poor', '2': 'Fair', '3': 'Good', '4': 'Good' };
/** SmsSendDetailQueryVo.sms_status (gsl-api.md 3.12). */
export const SMS_STATUS_WORDS: Record<number, string> = { 1: 'Sending', 2: 'Delivered', 3: 'Failed' };
export const WORK_ORDER_STATUS_WORDS: Record<number, string> = {
  1: 'Under review',
  2: 'Reviewed',
  3: 'Processing',
  4: 'Completed',
  5: 'Cancelled',
  6: 'Failed',
  7: 'Review rejected',
};
export const WORK_ORDER_TYPE_WORDS: Record<number, string> = {
  1: 'Batch activate physical cards',
  2: 'Batch transfer physical cards',
  3: 'Create pool',
  4: 'Resume physical card',
  5: 'Suspend physical card',
  6: 'Batch enable/resume',
  7: 'Batch disable/suspend',
  8: 'Batch subscribe',
  9: 'Batch unsubscribe',
  10: 'Activate physical card',
  11: 'Apply network cut',
  12: 'Usage-threshold cut',
  13: 'Device–card rebind',
  14: 'Clear real-name info',
  15: 'Physical card speed limit',
  16: 'Batch card replacement',
  17: 'Batch device–card rebind',
  18: 'Restart an abandoned backward pool',
  19: 'Batch usage-threshold cut',
  20: 'Restore network after cut',
  21: 'Cancel usage-threshold cut',
  22: 'Batch cancel usage-threshold cut',
  23: 'Batch dismantle',
};

/** WorkOrderVo.work_order_source (gsl-api.md 3.6): where an order came from. */
export const WORK_ORDER_SOURCE_WORDS: Record<number, string> = {
  1: 'Operations staff',
  2: 'Console',
  3: 'Automation rule',
  4: 'Backward pool auto-resume',
  5: 'Scheduled stop: no data',
  6: 'Scheduled stop: expired',
  7: 'Scheduled pool stop',
  8: 'API',
};
/** WorkOrderDetailVo.status: one card's line of an order. */
export const WORK_ORDER_LINE_WORDS: Record<number, string> = { 1: 'Succeeded', 2: 'Processing', 3: 'Failed' };
/** SimPricePlanVO.status (gsl-api.md 3.8): a plan instance of a card; 1 and 4 are both listed as activatable. */
export const PLAN_INSTANCE_STATUS_WORDS: Record<number, string> = { 0: 'Deleted', 1: 'Activatable', 2: 'In use', 3: 'Used up', 4: 'Activatable', 5: 'Stopped', 6: 'Activation failed' };
/** SimPoolVO.status (flow pools). */
export const FLOW_POOL_STATUS_WORDS: Record<number, string> = { 0: 'Abandoned', 1: 'In use' };
/** BackPoolVO.pool_status (back pools). */
export const BACK_POOL_STATUS_WORDS: Record<number, string> = { 2: 'In use', [-1]: 'Stopped', [-2]: 'Abandoned' };

/** The word for an enum value, or "Unknown (v)" so an unexpected value is still shown. */
export function word(table: Record<string | number, string>, value: string | number | null | undefined, t: Translate = same): string {
  if (value === null || value === undefined || value === '') return t('Not available');
  const w = table[value as keyof typeof table];
  return w ? t(w) : `${t('Unknown')} (${value})`;
}

export function simStatusWord(status: number | undefined, t: Translate = same): string {
  return word(SIM_STATUS_WORDS, status, t);
}
