import { validatorFor } from '../../../specs/index';
import type { Check, Evidence } from '../types';
import { issue, show } from '../issue';
import { isRoutingProbe } from './route-of-request';
import { withoutNulls } from '../../util/without-nulls';

/** A request the spec does not define should be turned away the way vAPI turns away any request. */
export const probeIsRefused: Check<Evidence> = {
  name: 'probe-is-refused',
  reason:
    'Routing is on method + path + exact action + vmw-task=true, so a request matching no path ' +
    'key (or missing the required stage body) should be refused with a non-2xx vAPI error body; ' +
    'advisory, since the 9.1 spec defines no operation for such a request and the contract lists ' +
    'what "a missing stage body, a non-task ?action=stage, an unknown ?action= value or a vmw-task ' +
    'value other than true returns" as unspecified (vcenter-contract.md §1, §8; prior-art §4.8).',
  severity: 'warning',
  select: (e) => (isRoutingProbe(e) ? e : undefined),
  run(e) {
    const { status, body, bodyIsJson, text } = e.exchange;
    const question = e.intent.kind === 'probe' ? e.intent.question : '';
    if (status >= 200 && status < 300) {
      return [
        issue(this, `${question}: the request was accepted`, {
          received: `${status} ${show(text === '' ? undefined : bodyIsJson ? body : text, 120)}`,
          documented: 'a non-2xx answer with a Vapi.Std.Errors.Error body',
        }),
      ];
    }
    if (bodyIsJson && validatorFor('Vapi.Std.Errors.Error')(withoutNulls(body))) return [];
    return [
      issue(this, `${question}: the refusal carries no vAPI error body`, {
        received: `${status} ${text === '' ? '(no body)' : show(bodyIsJson ? body : text, 120)}`,
        documented: 'a Vapi.Std.Errors.Error body {"error_type": …, "messages": […]}',
      }),
    ];
  },
};
