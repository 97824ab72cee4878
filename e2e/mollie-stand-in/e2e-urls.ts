/**
 * Where the e2e run's payment stand-ins listen: E2E_MOLLIE_PORT / E2E_BANCONTACT_PORT,
 * so checkouts can run their journeys side by side (like E2E_SIMULATOR_PORT).
 */
export const MOLLIE_STAND_IN_URL = `http://localhost:${process.env.E2E_MOLLIE_PORT ?? 3998}`;
export const BANCONTACT_STAND_IN_URL = `http://localhost:${process.env.E2E_BANCONTACT_PORT ?? 3997}`;
