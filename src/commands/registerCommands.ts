/**
 * The one command table (house style 10). Ids read `simFleet.<noun>.<verb>` and are the typed
 * union `CommandId`, so the table must name every command and nothing else; each handler lives in
 * a file named after its export and takes `(ctx, node?, nodes?)`.
 */
import * as vscode from 'vscode';
import type { CommandId } from '../core/commandIds';
import { addCardTags } from './addCardTags';
import { bindCardImei } from './bindCardImei';
import { cancelUsageCutoff } from './cancelUsageCutoff';
import { checkRealName } from './checkRealName';
import { clearCardAttribute } from './clearCardAttribute';
import { clearRealName } from './clearRealName';
import { createAttribute } from './createAttribute';
import { createTag } from './createTag';
import { cutCardNetwork } from './cutCardNetwork';
import { deleteTag } from './deleteTag';
import { disableAttribute } from './disableAttribute';
import { enableAttribute } from './enableAttribute';
import { limitCardSpeed } from './limitCardSpeed';
import { switchCardNetwork } from './switchCardNetwork';
import { applyCardSwitchPolicy } from './applyCardSwitchPolicy';
import { listSwitchPolicies } from './listSwitchPolicies';
import { createSwitchPolicy } from './createSwitchPolicy';
import { openPoolUsage } from './openPoolUsage';
import { manageAttributes } from './manageAttributes';
import { manageTags } from './manageTags';
import { removeCardTags } from './removeCardTags';
import { renameAttribute } from './renameAttribute';
import { restoreCardNetwork } from './restoreCardNetwork';
import { runListBatch } from './runListBatch';
import { sendCardSms } from './sendCardSms';
import { setCardAttribute } from './setCardAttribute';
import { setUsageCutoff } from './setUsageCutoff';
import { activateCard } from './activateCard';
import { clearFilter } from './clearFilter';
import { compareWith } from './compareWith';
import type { CommandContext } from './commandContext';
import { copyIccid } from './copyIccid';
import { deleteView } from './deleteView';
import { filterFleet } from './filterFleet';
import { findCard } from './findCard';
import { loadMore } from './loadMore';
import { openView } from './openView';
import { pinCard } from './pinCard';
import { openAsDocument } from './openAsDocument';
import { refreshFleet } from './refreshFleet';
import { renameView } from './renameView';
import { resumeCard } from './resumeCard';
import { saveView } from './saveView';
import { revealCard } from './revealCard';
import { showCardDetail } from './showCardDetail';
import { showCardUsage } from './showCardUsage';
import { showLog } from './showLog';
import { signIn } from './signIn';
import { signOut } from './signOut';
import { sortFleet } from './sortFleet';
import { startDemo } from './startDemo';
import { stopCard } from './stopCard';
import { switchAccount } from './switchAccount';
import { hideIdentifiers, showIdentifiers } from './toggleHideIdentifiers';
import { unpinCard } from './unpinCard';
import { applyPlan } from './applyPlan';
import { dryRunPlan } from './dryRunPlan';
import { newChangePlan } from './newChangePlan';
import { runAttention } from './runAttention';
import { cancelAttention } from './cancelAttention';
import { showAllCards, showAttentionOnly } from './showAttentionOnly';
import { dismissAttention } from './dismissAttention';
import { restoreAttention } from './restoreAttention';
import { takeSnapshot } from './takeSnapshot';
import { deleteHistory } from './deleteHistory';
import { whatChanged } from './whatChanged';
import { exportChanges } from './exportChanges';
import { compareWithSnapshot } from './compareWithSnapshot';
import { clearWorkOrderFilter } from './clearWorkOrderFilter';
import { filterWorkOrders } from './filterWorkOrders';
import { loadMoreListed } from './loadMoreListed';
import { refreshWorkOrders } from './refreshWorkOrders';
import { openPoolMemberDetail } from './openPoolMemberDetail';
import { refreshPools } from './refreshPools';
import { revealPoolMember } from './revealPoolMember';
import { showCardPool } from './showCardPool';
import { listPlans } from './listPlans';

type Handler = (ctx: CommandContext, ...args: never[]) => unknown;

export const COMMANDS: Readonly<Record<CommandId, Handler>> = {
  'simFleet.fleet.refresh': refreshFleet,
  'simFleet.fleet.filter': filterFleet,
  'simFleet.fleet.clearFilter': clearFilter,
  'simFleet.fleet.sort': sortFleet,
  'simFleet.group.loadMore': loadMore,
  'simFleet.account.signIn': signIn,
  'simFleet.account.signOut': signOut,
  'simFleet.account.startDemo': startDemo,
  'simFleet.account.switch': switchAccount,
  'simFleet.card.resume': resumeCard,
  'simFleet.card.stop': stopCard,
  'simFleet.card.activate': activateCard,
  'simFleet.card.cutNetwork': cutCardNetwork,
  'simFleet.card.restoreNetwork': restoreCardNetwork,
  'simFleet.card.setUsageCutoff': setUsageCutoff,
  'simFleet.card.cancelUsageCutoff': cancelUsageCutoff,
  'simFleet.card.limitSpeed': limitCardSpeed,
  'simFleet.card.switchNetwork': switchCardNetwork,
  'simFleet.card.applySwitchPolicy': applyCardSwitchPolicy,
  'simFleet.switchPolicy.list': listSwitchPolicies,
  'simFleet.switchPolicy.create': createSwitchPolicy,
  'simFleet.pool.openUsage': openPoolUsage,
  'simFleet.card.bindImei': bindCardImei,
  'simFleet.card.checkRealName': checkRealName,
  'simFleet.card.clearRealName': clearRealName,
  'simFleet.card.addTags': addCardTags,
  'simFleet.card.removeTags': removeCardTags,
  'simFleet.card.setAttribute': setCardAttribute,
  'simFleet.card.clearAttribute': clearCardAttribute,
  'simFleet.card.sendSms': sendCardSms,
  'simFleet.batch.fromList': runListBatch,
  'simFleet.tag.manage': manageTags,
  'simFleet.tag.create': createTag,
  'simFleet.tag.delete': deleteTag,
  'simFleet.attribute.manage': manageAttributes,
  'simFleet.attribute.create': createAttribute,
  'simFleet.attribute.rename': renameAttribute,
  'simFleet.attribute.enable': enableAttribute,
  'simFleet.attribute.disable': disableAttribute,
  'simFleet.card.find': findCard,
  'simFleet.card.openDetail': showCardDetail,
  'simFleet.card.openUsage': showCardUsage,
  'simFleet.card.copyIccid': copyIccid,
  'simFleet.card.pin': pinCard,
  'simFleet.card.unpin': unpinCard,
  'simFleet.view.open': openView,
  'simFleet.view.save': saveView,
  'simFleet.view.rename': renameView,
  'simFleet.view.delete': deleteView,
  'simFleet.view.hideIdentifiers': hideIdentifiers,
  'simFleet.view.showIdentifiers': showIdentifiers,
  'simFleet.card.reveal': revealCard,
  'simFleet.card.openAsDocument': openAsDocument,
  'simFleet.card.compareWith': compareWith,
  'simFleet.log.show': showLog,
  'simFleet.plan.new': newChangePlan,
  'simFleet.plan.dryRun': dryRunPlan,
  'simFleet.plan.apply': applyPlan,
  'simFleet.attention.run': runAttention,
  'simFleet.attention.cancel': cancelAttention,
  'simFleet.attention.showOnly': showAttentionOnly,
  'simFleet.attention.showAll': showAllCards,
  'simFleet.attention.dismiss': dismissAttention,
  'simFleet.attention.restore': restoreAttention,
  'simFleet.history.takeSnapshot': takeSnapshot,
  'simFleet.history.whatChanged': whatChanged,
  'simFleet.history.exportChanges': exportChanges,
  'simFleet.history.delete': deleteHistory,
  'simFleet.card.compareWithSnapshot': compareWithSnapshot,
  'simFleet.workOrders.refresh': refreshWorkOrders,
  'simFleet.workOrders.filter': filterWorkOrders,
  'simFleet.workOrders.clearFilter': clearWorkOrderFilter,
  'simFleet.list.loadMore': loadMoreListed,
  'simFleet.pools.refresh': refreshPools,
  'simFleet.poolMember.reveal': revealPoolMember,
  'simFleet.poolMember.openDetail': openPoolMemberDetail,
  'simFleet.card.showPool': showCardPool,
  'simFleet.plan.list': listPlans,
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return (Object.entries(COMMANDS) as Array<[CommandId, Handler]>).map(([id, handler]) =>
    // VS Code passes whatever the caller did (a node, the selection, nothing); handlers check it.
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        const result = await (handler as (ctx: CommandContext, ...rest: unknown[]) => unknown)(ctx, ...args);
        // Any extension can run a command: outside test runs none gets data or objects back.
        return ctx.testHooks ? result : undefined;
      } catch (err) {
        // Handlers report expected failures themselves; this is the net for the unexpected.
        ctx.log.error(`${id} failed`, err);
        void ctx.ui.error(ctx.t('SIM Fleet: {0}', err instanceof Error ? err.message : String(err)));
        return undefined;
      }
    }),
  );
}
