/**
 * What the person has done that the Getting Started walkthrough asks for (try the demo, sign in,
 * find a card, open usage, pin a card, save a view). Each sets a context key the walkthrough's
 * steps complete on (`onContext:simFleet.walkthrough.<name>`), only once the thing has been done,
 * not merely started.
 */
import * as vscode from 'vscode';

export type Milestone = 'demo' | 'signedIn' | 'found' | 'usage' | 'pinned' | 'viewSaved';

export class Milestones {
  private readonly done = new Set<Milestone>();

  reached(m: Milestone): void {
    if (this.done.has(m)) return;
    this.done.add(m);
    void vscode.commands.executeCommand('setContext', `simFleet.walkthrough.${m}`, true);
  }

  has(m: Milestone): boolean {
    return this.done.has(m);
  }
}
