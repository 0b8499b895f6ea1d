/**
 * How many cards one usage request may name (gsl-api.md 5.4): the client checks them, and
 * whoever splits a long list into requests reads them here.
 */
export const DAILY_USAGE_MAX_CARDS = 100;
export const MONTH_USAGE_MAX_CARDS = 500;
export const PLAN_USAGE_MAX_CARDS = 50;
