// Text from the API or from a user's input is data on every surface. VS Code draws `$(name)` as an
// icon in quick picks and the status bar and turns `[label](command:…)` into a link in
// notifications; tree labels and the view's description are plain. One rule (`plainText`) covers
// all of them, one (`escapeMarkdown`) covers markdown tooltips and hovers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, plainText } from '../../src/core/text';

const ICONS = '$(sign-out)$(check) verified';
const LINK = '[Stop every card](command:simFleet.card.stop) and [site](https://example.com "t")';

/** VS Code's own patterns for the two syntaxes (icon labels; notifications' linked text). */
const iconSyntax = /\$\([A-Za-z0-9~-]+\)/;
const linkSyntax = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/;

test('quick picks and the status bar: a tag named in icon syntax shows as typed, never as icons', () => {
  const shown = plainText(ICONS);
  assert.doesNotMatch(shown, iconSyntax);
  assert.equal(shown.replace(/\u200b/g, ''), ICONS, 'only invisible characters were added');
});

test('notifications and dialogs: a link in a card label or a service message never becomes a link', () => {
  const shown = plainText(`Stopped 0 of 1 cards. 1 failed: ${LINK}`);
  assert.doesNotMatch(shown, linkSyntax);
  assert.equal(shown.replace(/\u200b/g, ''), `Stopped 0 of 1 cards. 1 failed: ${LINK}`);
});

test('tree labels and the view description: line breaks become spaces, the words stay', () => {
  assert.equal(plainText('north\r\nfleet\nA'), 'north fleet A');
  assert.equal(plainText('中文 tag_1 (x) [y]'), '中文 tag_1 (x) [y]', 'ordinary brackets and words are untouched');
});

test('text with nothing to neutralise is returned unchanged', () => {
  for (const s of ['89860123456789012345', 'Card 8986…, In use', 'used ≥ 100 MB · tags: trackers']) assert.equal(plainText(s), s);
});

test('markdown tooltips and hovers: every markdown character is escaped', () => {
  const md = escapeMarkdown(`${LINK} ![x](http://e/x.png) <img src=x> ${ICONS}`);
  assert.doesNotMatch(md, /(^|[^\\])[[\]()<>!$]/);
});
