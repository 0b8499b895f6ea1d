/** What command handlers work with; built once in `extension.ts`. */
import type { FleetParts } from '../fleet/simFleetApi';
import type { FleetWorkOrderTracker } from '../fleet/workOrderTracker';
import type { OutputLogger } from '../host/logger';
import type { Prompts } from '../host/prompts';

export interface CommandContext extends FleetParts {
  readonly tracker: FleetWorkOrderTracker;
  readonly prompts: Prompts;
  readonly log: OutputLogger;
}
