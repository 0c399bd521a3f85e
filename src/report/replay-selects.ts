/** What a run was pointed at, as the fixtures' options say it. */
export interface RunTarget {
  faults: readonly string[];
  replay?: string;
  live?: { profile: { source: string; url: string; tls: { insecure: boolean }; capabilities: { allowMutations: boolean } } };
}

/**
 * The `vcconform run` flags that select the same target and faults again, for a replay command that
 * reproduces a failure when pasted: `--fault` for each mock fault, `--profile FILE` or `--target URL`
 * (with `--insecure`, `--allow-mutations` as the run had them), or `--replay DIR`. The profile's
 * passwords stay in their environment variables; nothing secret is in the flags.
 */
export function replaySelects(run: RunTarget): string[] {
  if (run.replay !== undefined) return ['--replay', run.replay];
  if (!run.live) return run.faults.flatMap((f) => ['--fault', f]);
  const { source, url, tls, capabilities } = run.live.profile;
  const fromEnv = source === 'environment';
  return [
    ...(fromEnv ? ['--target', url] : ['--profile', source]),
    ...(fromEnv && tls.insecure ? ['--insecure'] : []),
    ...(capabilities.allowMutations ? ['--allow-mutations'] : []),
  ];
}
