/**
 * Set by esbuild.mjs: false in the packaged extension (`--production`), true in development and
 * test builds. Code for tests only (the test API, the panels' snapshot answers) sits behind it,
 * so the minifier drops it from what users install.
 */
declare const SIM_FLEET_TEST_HOOKS: boolean;
