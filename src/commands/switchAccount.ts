import * as vscode from 'vscode';
import type { CommandId } from '../core/commandIds';
import { plainText } from '../core/text';
import type { PickItem } from '../host/ui';
import type { CommandContext } from './commandContext';

type Choice = 'signIn' | 'signOut' | 'demo' | 'log';

/** simFleet.account.switch — what the status bar item opens: sign in, switch, sign out, demo. */
export async function switchAccount(ctx: CommandContext): Promise<void> {
  const { t } = ctx;
  const kind = ctx.session.kind;
  const items: Array<PickItem<Choice>> = [{ value: 'signIn', icon: 'account', label: kind === 'account' ? t('Sign in with another account') : t('Sign in') }];
  if (kind !== 'demo') items.push({ value: 'demo', icon: 'beaker', label: t('Try the demo fleet') });
  if (kind === 'account') items.push({ value: 'signOut', icon: 'sign-out', label: t('Sign out'), description: ctx.session.label });
  if (kind === 'demo') items.push({ value: 'signOut', icon: 'debug-stop', label: t('Stop the demo fleet') });
  items.push({ value: 'log', icon: 'output', label: t('Show log') });
  const choice = await ctx.ui.pickOne(items, { title: t('SIM Fleet Account'), placeholder: plainText(ctx.session.label ?? t('Not signed in')) });
  const command: Record<Choice, CommandId> = { signIn: 'simFleet.account.signIn', signOut: 'simFleet.account.signOut', demo: 'simFleet.account.startDemo', log: 'simFleet.log.show' };
  if (choice) await vscode.commands.executeCommand(command[choice]);
}
