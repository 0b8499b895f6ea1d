import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

type Choice = 'signIn' | 'signOut' | 'demo' | 'log';

/** simFleet.account.switch — what the status bar item opens: sign in, switch, sign out, demo. */
export async function switchAccount(ctx: CommandContext): Promise<void> {
  const t = vscode.l10n.t;
  const kind = ctx.session.kind;
  const items: Array<{ value: Choice; label: string; description?: string }> = [
    { value: 'signIn', label: `$(account) ${kind === 'account' ? t('Sign in with another account') : t('Sign in')}` },
  ];
  if (kind !== 'demo') items.push({ value: 'demo', label: `$(beaker) ${t('Try the demo fleet')}` });
  if (kind === 'account') items.push({ value: 'signOut', label: `$(sign-out) ${t('Sign out')}`, description: ctx.session.label });
  if (kind === 'demo') items.push({ value: 'signOut', label: `$(debug-stop) ${t('Stop the demo fleet')}` });
  items.push({ value: 'log', label: `$(output) ${t('Show log')}` });
  const choice = await ctx.prompts.pickOne(items, { title: t('SIM Fleet Account'), placeholder: ctx.session.label ?? t('Not signed in') });
  const command = { signIn: 'simFleet.account.signIn', signOut: 'simFleet.account.signOut', demo: 'simFleet.account.startDemo', log: 'simFleet.log.show' } as const;
  if (choice) await vscode.commands.executeCommand(command[choice]);
}
