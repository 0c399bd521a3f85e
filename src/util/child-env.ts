/** Variables an outer Playwright run sets for its workers; a child run started with them would think it is one. */
const OUTER_RUN = /^(TEST_|PW_|PLAYWRIGHT_)/;

/** A copy of `env` without the outer Playwright run's variables, so a child run is the one a shell would start. */
export function outsidePlaywright(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !OUTER_RUN.test(key)));
}
