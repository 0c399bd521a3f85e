/** Where `npm test` writes its reports: beside, never over, a conformance run's reports/. */
export const SELF_TEST_REPORTS = 'reports/self';

/** Whether a Playwright command line selects the self-tests alone (`--project=self` or `--project self`, possibly repeated). */
export function selfTestsOnly(argv: readonly string[]): boolean {
  const projects = argv.flatMap((arg, i) => {
    if (arg.startsWith('--project=')) return [arg.slice('--project='.length)];
    return arg === '--project' && argv[i + 1] !== undefined ? [argv[i + 1]!] : [];
  });
  return projects.length > 0 && projects.every((p) => p === 'self');
}
