import * as vscode from 'vscode';
import type { CommandId } from '../core/commandIds';
import { DEMO_ACCOUNT_ID } from '../host/accounts';
import type { PickItem } from '../host/ui';
import type { CommandContext } from './commandContext';
import { accountOfArg } from './commandContext';

type Choice = { run: CommandId; arg?: unknown };

/**
 * simFleet.account.switch — what a status bar item opens: sign in to another account, start the
 * demo beside the accounts, sign out of an account (the one whose item was clicked first), the log.
 */
export async function switchAccount(ctx: CommandContext, arg?: unknown): Promise<void> {
  const { t } = ctx;
  const clicked = accountOfArg(arg);
  const accounts = [...ctx.accounts.all()].sort((a, b) => Number(b.id === clicked) - Number(a.id === clicked));
  const items: Array<PickItem<Choice>> = [
    { value: { run: 'simFleet.account.signIn' }, icon: 'account', label: accounts.length ? t('Sign in to another account') : t('Sign in') },
  ];
  if (!ctx.accounts.get(DEMO_ACCOUNT_ID)) items.push({ value: { run: 'simFleet.account.startDemo' }, icon: 'beaker', label: t('Try the demo fleet') });
  for (const a of accounts) {
    items.push(
      a.id === DEMO_ACCOUNT_ID
        ? { value: { run: 'simFleet.account.signOut', arg: { accountId: a.id } }, icon: 'debug-stop', label: t('Stop the demo fleet') }
        : { value: { run: 'simFleet.account.signOut', arg: { accountId: a.id } }, icon: 'sign-out', label: t('Sign out of {0}', a.label) },
    );
  }
  items.push({ value: { run: 'simFleet.log.show' }, icon: 'output', label: t('Show log') });
  const current = accounts.find((a) => a.id === clicked) ?? accounts[0];
  const choice = await ctx.ui.pickOne(items, { title: t('SIM Fleet Accounts'), placeholder: current ? current.label : t('Not signed in') });
  if (choice) await vscode.commands.executeCommand(choice.run, choice.arg);
}
