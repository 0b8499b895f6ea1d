/** Typed access to the extension's settings (none of which ever holds a secret). */
import * as vscode from 'vscode';
import { DEFAULT_ENDPOINTS, type GslEndpoints } from '../gsl/api';
import type { IdentifierSettings } from '../core/identifiers';
import type { AttentionSettings } from '../core/attention/settings';
import { attentionSettings } from '../core/attention/settings';

const SECTION = 'simFleet';

function cfg(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(n)));
}

export const settings = {
  pageSize(): number {
    return clamp(cfg().get<number>('pageSize', 100), 10, 500);
  },
  autoRefreshSeconds(): number {
    const s = cfg().get<number>('autoRefreshSeconds', 0);
    return s > 0 ? Math.max(10, s) : 0;
  },
  /** Mask the middle digits of identifiers everywhere SIM Fleet shows them (screen sharing, recordings). */
  hideIdentifiers(): boolean {
    return cfg().get<boolean>('hideIdentifiers', false) === true;
  },
  async setHideIdentifiers(hidden: boolean): Promise<void> {
    await cfg().update('hideIdentifiers', hidden, vscode.ConfigurationTarget.Global);
  },
  demoCards(): number {
    return clamp(cfg().get<number>('demo.cards', 5000), 10, 200000);
  },
  endpoints(): GslEndpoints {
    return {
      gsl: cfg().get<string>('endpoint') || DEFAULT_ENDPOINTS.gsl,
      iam: cfg().get<string>('iamEndpoint') || DEFAULT_ENDPOINTS.iam,
    };
  },
  async setEndpoints(endpoints: GslEndpoints): Promise<void> {
    // Only differences from the defaults are written, so settings stay clean.
    await cfg().update('endpoint', endpoints.gsl === DEFAULT_ENDPOINTS.gsl ? undefined : endpoints.gsl, vscode.ConfigurationTarget.Global);
    await cfg().update('iamEndpoint', endpoints.iam === DEFAULT_ENDPOINTS.iam ? undefined : endpoints.iam, vscode.ConfigurationTarget.Global);
  },
  identifiers(): IdentifierSettings {
    const c = cfg();
    const strings = (key: string): string[] => (c.get<unknown[]>(key, []) ?? []).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    return {
      enabled: c.get<boolean>('identifiers.enabled', true),
      languages: strings('identifiers.languages'),
      filePatterns: strings('identifiers.filePatterns'),
      inlineStatus: c.get<boolean>('identifiers.inlineStatus', false),
      notFoundTtlMs: clamp(c.get<number>('identifiers.notFoundMinutes', 10), 1, 1440) * 60_000,
    };
  },
  /** Needs attention: on or off, and its thresholds (out-of-range values are brought into range by the core). */
  attention(): { enabled: boolean; settings: AttentionSettings } {
    const c = cfg();
    const n = (key: string): unknown => c.get<unknown>(`attention.${key}`);
    return {
      enabled: c.get<boolean>('attention.enabled', true) !== false,
      settings: attentionSettings({ expiresWithinDays: n('expiresWithinDays'), silentDays: n('silentDays'), spikeFactor: n('spikeFactor'), spikeMinMb: n('spikeMinMb') }),
    };
  },
  /** The fleet's daily snapshots: kept or not, and for how many days. */
  history(): { enabled: boolean; days: number } {
    const c = cfg();
    const days = c.get<number>('history.days', 180);
    return { enabled: c.get<boolean>('history.enabled', true) !== false, days: clamp(typeof days === 'number' && Number.isFinite(days) ? days : 180, 1, 3650) };
  },
  /** VS Code's own proxy setting, passed to the client. */
  proxy(): string | undefined {
    return vscode.workspace.getConfiguration('http').get<string>('proxy') || undefined;
  },
  affects(e: vscode.ConfigurationChangeEvent, key: string): boolean {
    return e.affectsConfiguration(`${SECTION}.${key}`);
  },
};
