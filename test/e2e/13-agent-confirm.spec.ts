// Agent confirm: an agent (test/e2e/agent/, another extension) asks SIM Fleet's tools for cards and
// then to resume one, outside a chat session. VS Code puts SIM Fleet's question, the Resume
// command's own words, to the person in a dialog: declined, nothing reaches the service; accepted,
// exactly one request, and the work order is followed as for the command. (The integration tests
// cannot decline: in a test run VS Code answers every such dialog "yes" without showing it.)
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Journey } from './lib/fixtures';
import { agentDir } from './lib/paths';
import { demoEndpoint, dialog, dialogChoose, openFleetView, readDialog, runCommand, simStats, waitForGroups, waitForNotification } from './lib/workbench';

test.use({ demo: true, alsoInstall: [agentDir] });

interface Outcome {
  ok: boolean;
  text?: string;
  error?: string;
}

/** Hands the agent a request and has it run (from the palette); returns the agent's result once written. */
async function askAgent(page: Page, journey: Journey, tool: string, input: object, whileWaiting?: () => Promise<void>): Promise<Outcome> {
  const result = path.join(journey.workspace, 'agent-result.json');
  rmSync(result, { force: true });
  writeFileSync(path.join(journey.workspace, 'agent-request.json'), JSON.stringify({ tool, input }));
  await runCommand(page, 'Journey Agent: Run Tool Request');
  await whileWaiting?.();
  await expect.poll(() => existsSync(result), { message: `the agent's answer from ${tool}` }).toBe(true);
  return JSON.parse(readFileSync(result, 'utf8')) as Outcome;
}

test('agent confirm: a tool that changes cards asks first; declined, nothing is sent', async ({ page, journey }) => {
  let endpoint = '';
  await test.step('the demo fleet is open', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    endpoint = await demoEndpoint(journey.userDataDir);
  });

  let card: { accountId: string; cardId: string; label: string } | undefined;
  await test.step('the agent finds deactivated cards (reading needs no question)', async () => {
    const found = await askAgent(page, journey, 'simFleet_findCards', { status: 'deactivated', cardType: 'physical', limit: 50 });
    expect(found.ok, found.error).toBe(true);
    const json = /```json\n([\s\S]*)\n```/.exec(found.text ?? '')?.[1] ?? '{}';
    const cards = (JSON.parse(json) as { cards: Array<{ accountId: string; cardId: string; label: string; operator_status: number }> }).cards;
    // Suspended by the customer: a card Resume applies to.
    card = cards.find((c) => c.operator_status === 5);
    expect(card, 'a deactivated card the customer suspended').toBeDefined();
    journey.log(`card ${card!.label}`);
  });

  await test.step('the agent asks to resume it: VS Code shows the Resume command’s question; Cancel', async () => {
    const outcome = await askAgent(page, journey, 'simFleet_resumeCards', { cards: [{ accountId: card!.accountId, cardId: card!.cardId }] }, async () => {
      const text = await readDialog(page);
      expect(text, 'the question names the card').toContain(`Resume card ${card!.label}?`);
      await journey.docShot('agent-confirm', dialog(page));
      await dialogChoose(page, 'Cancel');
    });
    expect(outcome.ok, 'the agent is told it was declined').toBe(false);
    expect(outcome.error).toMatch(/Cancel/i);
    const stats = await simStats(endpoint);
    expect(stats.cardMutations[card!.cardId] ?? 0, 'declined: no request reached the service').toBe(0);
  });

  await test.step('asked again and accepted: one request, and the work order is followed', async () => {
    const outcome = await askAgent(page, journey, 'simFleet_resumeCards', { cards: [{ accountId: card!.accountId, cardId: card!.cardId }] }, async () => {
      await readDialog(page);
      await dialogChoose(page, 'Yes');
    });
    expect(outcome.ok, outcome.error).toBe(true);
    expect(outcome.text).toContain(`Resume requested for card ${card!.label}`);
    await waitForNotification(page, new RegExp(`Card ${card!.label}: resume completed`), 60_000);
    const stats = await simStats(endpoint);
    expect(stats.cardMutations[card!.cardId], 'exactly one request').toBe(1);
    await journey.screenshot('agent-resumed');
  });
});
