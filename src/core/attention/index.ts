/**
 * Needs attention: the rules, the forecast, the engine, and the fleet's daily snapshots.
 * Pure (no `vscode`); snapshot encoding uses `node:zlib`, so webviews import forecast.ts alone.
 *
 * - settings.ts: `CardReason`, `AttentionSettings`, `DEFAULT_ATTENTION_SETTINGS`, `attentionSettings()`.
 * - rules.ts: one function per rule (`overPlanBy`, `expiresSoon`, `carrierSuspension`, `assessSilent`, `assessSpike`).
 * - forecast.ts: `forecastCycle()` and `forecastCard()`, what the panels draw and "will run out" decides on.
 * - daily.ts: `dailyMbByCard()`, ListSimCardFlowPerDay answers as one series per card.
 * - engine.ts: `runAttention(client, options)` → `AttentionResult`.
 * - snapshot.ts: `SnapshotBuilder`, `FleetSnapshot`, `encodeSnapshot()`, `decodeSnapshot()`.
 * - compare.ts: `compareSnapshots(older, newer)` → what changed.
 * - history.ts: `buildUsageHistory(snapshots, yesterday, settings)` → what the engine reads of the past.
 */
export * from './settings';
export * from './days';
export * from './rules';
export * from './forecast';
export * from './daily';
export * from './snapshot';
export * from './compare';
export * from './history';
export * from './engine';
