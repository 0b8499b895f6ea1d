/** Codicon and theme colour per status; colour is never the only cue (see the accessibility labels). */
import type { SimStatus } from '../../gsl/models';

export const STATUS_ICONS: Record<SimStatus, { icon: string; color: string }> = {
  10: { icon: 'beaker', color: 'charts.blue' },
  11: { icon: 'circle-outline', color: 'disabledForeground' },
  13: { icon: 'circle-large-outline', color: 'charts.yellow' },
  14: { icon: 'debug-pause', color: 'charts.orange' },
  20: { icon: 'pass-filled', color: 'charts.green' },
  30: { icon: 'circle-slash', color: 'charts.red' },
};
