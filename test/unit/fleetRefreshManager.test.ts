// Automatic refresh runs only when the setting asks for it and only while the view is visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Emitter } from '../../src/fleet/emitter';
import { FleetModel } from '../../src/fleet/fleetModel';
import { RefreshManager } from '../../src/fleet/refreshManager';

function setup(seconds: number, visible: boolean) {
  const visibility = new Emitter<{ visible: boolean }>();
  const view = { visible, onDidChangeVisibility: visibility.event };
  let setting = seconds;
  const model = new FleetModel({ client: () => undefined, pageSize: () => 100 });
  const manager = new RefreshManager({ model, view, autoRefreshSeconds: () => setting });
  const show = (v: boolean) => {
    view.visible = v;
    visibility.fire({ visible: v });
  };
  return { manager, model, show, set: (s: number) => (setting = s) };
}

test('no polling when autoRefreshSeconds is 0, even while visible', () => {
  const { manager } = setup(0, true);
  assert.equal(manager.polling, false);
  manager.dispose();
});

test('polls only while the view is visible', () => {
  const { manager, show } = setup(30, false);
  assert.equal(manager.polling, false);
  show(true);
  assert.equal(manager.polling, true);
  show(false);
  assert.equal(manager.polling, false);
  manager.dispose();
});

test('a setting change takes effect on schedule()', () => {
  const { manager, set } = setup(30, true);
  assert.equal(manager.polling, true);
  set(0);
  manager.schedule();
  assert.equal(manager.polling, false);
  manager.dispose();
});

test('a manual refresh forgets the loaded fleet at once', () => {
  const { manager, model } = setup(0, true);
  let changes = 0;
  model.onDidChange(() => changes++);
  manager.refreshNow();
  assert.equal(changes, 1);
  manager.dispose();
});
