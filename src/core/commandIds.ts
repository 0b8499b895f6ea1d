/**
 * Every command SIM Fleet registers, as a typed union: a misspelt id in a tree node, a menu
 * handler or a panel fails the build. package.json's `contributes.commands` lists exactly these
 * (a unit test and an integration test hold the two together).
 */
import type { CardAction } from './cardRules';

export const COMMAND_IDS = [
  'simFleet.fleet.refresh',
  'simFleet.fleet.filter',
  'simFleet.fleet.clearFilter',
  'simFleet.fleet.sort',
  'simFleet.group.loadMore',
  'simFleet.account.signIn',
  'simFleet.account.signOut',
  'simFleet.account.startDemo',
  'simFleet.account.switch',
  'simFleet.card.resume',
  'simFleet.card.stop',
  'simFleet.card.activate',
  'simFleet.card.cutNetwork',
  'simFleet.card.restoreNetwork',
  'simFleet.card.setUsageCutoff',
  'simFleet.card.cancelUsageCutoff',
  'simFleet.card.limitSpeed',
  'simFleet.card.bindImei',
  'simFleet.card.checkRealName',
  'simFleet.card.clearRealName',
  'simFleet.card.addTags',
  'simFleet.card.removeTags',
  'simFleet.card.setAttribute',
  'simFleet.card.clearAttribute',
  'simFleet.card.sendSms',
  'simFleet.batch.fromList',
  'simFleet.tag.manage',
  'simFleet.tag.create',
  'simFleet.tag.delete',
  'simFleet.attribute.manage',
  'simFleet.attribute.create',
  'simFleet.attribute.rename',
  'simFleet.attribute.enable',
  'simFleet.attribute.disable',
  'simFleet.card.find',
  'simFleet.card.openDetail',
  'simFleet.card.openUsage',
  'simFleet.card.copyIccid',
  'simFleet.card.pin',
  'simFleet.card.unpin',
  'simFleet.view.open',
  'simFleet.view.save',
  'simFleet.view.rename',
  'simFleet.view.delete',
  'simFleet.view.hideIdentifiers',
  'simFleet.view.showIdentifiers',
  'simFleet.card.reveal',
  'simFleet.card.openAsDocument',
  'simFleet.card.compareWith',
  'simFleet.log.show',
  'simFleet.card.switchNetwork',
  'simFleet.card.applySwitchPolicy',
  'simFleet.switchPolicy.list',
  'simFleet.switchPolicy.create',
  'simFleet.plan.new',
  'simFleet.plan.dryRun',
  'simFleet.plan.apply',
  'simFleet.attention.run',
  'simFleet.attention.cancel',
  'simFleet.attention.showOnly',
  'simFleet.attention.showAll',
  'simFleet.attention.dismiss',
  'simFleet.attention.restore',
  'simFleet.history.takeSnapshot',
  'simFleet.history.whatChanged',
  'simFleet.history.exportChanges',
  'simFleet.history.delete',
  'simFleet.card.compareWithSnapshot',
  'simFleet.workOrders.refresh',
  'simFleet.workOrders.filter',
  'simFleet.workOrders.clearFilter',
  'simFleet.list.loadMore',
  'simFleet.pools.refresh',
  'simFleet.poolMember.reveal',
  'simFleet.poolMember.openDetail',
  'simFleet.card.showPool',
  'simFleet.plan.list',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/** The command that runs each card action. */
export const ACTION_COMMANDS = {
  resume: 'simFleet.card.resume',
  stop: 'simFleet.card.stop',
  activate: 'simFleet.card.activate',
  cutNetwork: 'simFleet.card.cutNetwork',
  restoreNetwork: 'simFleet.card.restoreNetwork',
  setUsageCutoff: 'simFleet.card.setUsageCutoff',
  cancelUsageCutoff: 'simFleet.card.cancelUsageCutoff',
  limitSpeed: 'simFleet.card.limitSpeed',
  bindImei: 'simFleet.card.bindImei',
  checkRealName: 'simFleet.card.checkRealName',
  clearRealName: 'simFleet.card.clearRealName',
  addTags: 'simFleet.card.addTags',
  removeTags: 'simFleet.card.removeTags',
  setAttribute: 'simFleet.card.setAttribute',
  clearAttribute: 'simFleet.card.clearAttribute',
  sendSms: 'simFleet.card.sendSms',
  switchNetwork: 'simFleet.card.switchNetwork',
  applySwitchPolicy: 'simFleet.card.applySwitchPolicy',
} as const satisfies Record<CardAction, CommandId>;

/**
 * The only commands a link in a hover may run (`MarkdownString.isTrusted.enabledCommands`), each
 * with one argument, `{ accountId, cardId }`, which the command checks (core/cardLinks.ts).
 */
export const CARD_LINK_COMMANDS = [
  'simFleet.card.openDetail',
  'simFleet.card.openUsage',
  'simFleet.card.reveal',
  'simFleet.card.copyIccid',
  'simFleet.card.openAsDocument',
] as const satisfies readonly CommandId[];

export type CardLinkCommand = (typeof CARD_LINK_COMMANDS)[number];
