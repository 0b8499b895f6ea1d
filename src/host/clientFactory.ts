/** Builds the one shared GSL client with the host's settings: proxy, user agent, request log. */
import * as vscode from 'vscode';
import type { CredentialStore, GslEndpoints } from '../gsl/api';
import type { GslClient } from '../gsl/client';
import { isLoopbackHost } from '../gsl/endpoints';
import { loadRuntime } from './runtime';
import { settings } from './settings';

export type ClientLog = (line: string) => void;

/** VS Code's `http.proxy`, except for endpoints on this machine (the demo), which never go through a proxy. */
export function proxyFor(endpoints: GslEndpoints, proxy: string | undefined): string | undefined {
  if (!proxy) return undefined;
  const loopback = [endpoints.gsl, endpoints.iam].every((e) => {
    try {
      return isLoopbackHost(new URL(e).hostname);
    } catch {
      return false;
    }
  });
  return loopback ? undefined : proxy;
}

export function createClient(endpoints: GslEndpoints, credentials: CredentialStore, log: ClientLog): GslClient {
  const extension = vscode.extensions.getExtension('simfleet.sim-fleet');
  const version = (extension?.packageJSON as { version?: string } | undefined)?.version ?? '0';
  const { GslClient } = loadRuntime();
  return new GslClient({
    endpoints,
    credentials,
    userAgent: `sim-fleet-vscode/${version} vscode/${vscode.version}`,
    proxyUrl: proxyFor(endpoints, settings.proxy()),
    log,
  });
}
