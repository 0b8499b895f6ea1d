/**
 * The parts SIM Fleet loads only when first needed, bundled apart from the extension's entry
 * (dist/runtime.js): the GSL client with its HTTP stack (undici), and the simulator behind the
 * demo fleet. Activation registers the views, commands and status bar without parsing either.
 */
export { GslClient } from './gsl/client';
export { startDemoFleet } from './host/demoFleet';
