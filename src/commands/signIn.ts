import * as vscode from 'vscode';
import type { CommandId } from '../core/commandIds';
import type { Credentials, GslEndpoints } from '../gsl/api';
import { checkEndpoint } from '../gsl/endpoints';
import { errorMessage } from '../core/errorWords';
import { settings } from '../host/settings';
import type { CommandContext } from './commandContext';

type Method = 'iam' | 'aksk';

/**
 * simFleet.account.signIn — IAM user (account, user, password, project → token) or AK/SK (and
 * project id), plus the endpoints. The credentials are tried with a real call first and kept
 * only in SecretStorage, and only when that call succeeds. The account is added beside those
 * already signed in (signing in to the same one again replaces it).
 */
export async function signIn(ctx: CommandContext): Promise<boolean> {
  const { t, ui: p } = ctx;
  const method = await p.pickOne<Method>(
    [
      { value: 'aksk', label: t('Access key (AK/SK)'), detail: t('An access key ID and secret access key; requests are signed, nothing expires.') },
      { value: 'iam', label: t('IAM user and password'), detail: t('Account name, IAM user name, password and project; SIM Fleet gets and renews a token.') },
    ],
    { title: t('Sign In to GSL'), placeholder: t('How do you want to sign in?') },
  );
  if (!method) return false;

  const defaults = settings.endpoints();
  const required = (what: string) => (v: string) => (v.trim() ? undefined : t('Enter the {0}.', what));
  const endpointCheck = (name: string) => (v: string) => {
    const r = checkEndpoint(name, v.trim());
    return typeof r === 'string' ? r : undefined;
  };
  const gsl = await p.input({ title: t('GSL endpoint'), prompt: t('The GSL service address'), value: defaults.gsl, validateInput: endpointCheck('GSL'), ignoreFocusOut: true });
  if (gsl === undefined || endpointCheck('GSL')(gsl)) return false;
  let iam = defaults.iam;

  let credentials: Credentials;
  if (method === 'iam') {
    const iamInput = await p.input({ title: t('IAM endpoint'), prompt: t('The IAM service address that issues tokens'), value: defaults.iam, validateInput: endpointCheck('IAM'), ignoreFocusOut: true });
    if (iamInput === undefined || endpointCheck('IAM')(iamInput)) return false;
    iam = iamInput.trim();
    const domain = await p.input({ title: t('Account name'), prompt: t('The Huawei Cloud account (domain) name'), validateInput: required(t('account name')), ignoreFocusOut: true });
    if (!domain?.trim()) return false;
    const user = await p.input({ title: t('IAM user name'), prompt: t('The IAM user to sign in as'), validateInput: required(t('IAM user name')), ignoreFocusOut: true });
    if (!user?.trim()) return false;
    const password = await p.input({ title: t('Password'), prompt: t('The IAM user password (kept only in the system keychain)'), password: true, validateInput: required(t('password')), ignoreFocusOut: true });
    if (!password) return false;
    const project = await p.input({ title: t('Project'), prompt: t('The project (region) name the token is for'), value: 'cn-north-4', validateInput: required(t('project name')), ignoreFocusOut: true });
    if (!project?.trim()) return false;
    credentials = { kind: 'iam', domain: domain.trim(), user: user.trim(), password, project: project.trim() };
  } else {
    const ak = await p.input({ title: t('Access key ID (AK)'), prompt: t('The access key ID'), validateInput: required(t('access key ID')), ignoreFocusOut: true });
    if (!ak?.trim()) return false;
    const sk = await p.input({ title: t('Secret access key (SK)'), prompt: t('The secret access key (kept only in the system keychain)'), password: true, validateInput: required(t('secret access key')), ignoreFocusOut: true });
    if (!sk?.trim()) return false;
    const projectId = await p.input({ title: t('Project ID'), prompt: t('The project ID (optional; leave empty if your keys do not need one)'), ignoreFocusOut: true });
    if (projectId === undefined) return false;
    credentials = { kind: 'aksk', ak: ak.trim(), sk: sk.trim(), ...(projectId.trim() ? { projectId: projectId.trim() } : {}) };
  }

  const endpoints: GslEndpoints = { gsl: gsl.trim(), iam };
  let label: string;
  try {
    label = (await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Checking the credentials…') }, () => ctx.accounts.signIn(credentials, endpoints))).label;
  } catch (err) {
    ctx.log.error('Sign-in failed', err);
    const again = t('Try Again');
    void p.error(errorMessage(err, t), again).then((choice) => {
      if (choice === again) void vscode.commands.executeCommand('simFleet.account.signIn' satisfies CommandId);
    });
    return false;
  }
  ctx.log.info(`Signed in as ${label}`);
  ctx.milestones.reached('signedIn');
  void p.info(t('Signed in to GSL as {0}.', label));
  return true;
}
