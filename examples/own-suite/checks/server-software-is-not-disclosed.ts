import { issue, type Check, type Exchange } from 'vcconform';

/** Response headers that name the server software (and often its version). */
const DISCLOSING = ['server', 'x-powered-by', 'x-aspnet-version'];

/** Our team's rule, not the vCenter contract's: vcconform runs it beside its own checks. */
export const serverSoftwareIsNotDisclosed: Check<Exchange> = {
  name: 'server-software-is-not-disclosed',
  reason:
    'Our hardening baseline (SEC-12): an answer names no server software or version in its headers (Server, X-Powered-By), ' +
    'so a scanner learns nothing from them.',
  severity: 'failure',
  // Its subject: every answer's exchange.
  select: (e) => e.exchange,
  run(exchange) {
    return DISCLOSING.filter((name) => exchange.headers[name] !== undefined).map((name) =>
      issue(this, `the answer names its server software in ${name}`, {
        received: `${name}: ${exchange.headers[name]}`,
        documented: `no ${name} header (SEC-12)`,
      }),
    );
  },
};
