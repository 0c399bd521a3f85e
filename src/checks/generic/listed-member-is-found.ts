import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { errorTypeOf } from './operation-facts';

/** The read of a member the target's own collection read listed (`GET …/drafts` listed draft 2; `GET …/drafts/2`). */
type Member = NonNullable<NonNullable<Evidence['facts']>['listedMember']>;

export const listedMemberIsFound: Check<Member> = {
  name: 'listed-member-is-found',
  reason:
    'A member that the collection read lists is found by the member read under the same parameters: its documented 404 ' +
    'NOT_FOUND means there is no such object (9.1 spec: "if there is no draft associated with draft"), which the list says there is.',
  severity: 'failure',
  select: (e) => (e.intent.kind === 'valid' ? e.facts?.listedMember : undefined),
  run(member, e) {
    if (e.exchange.status !== 404 || errorTypeOf(e.exchange.body) !== 'NOT_FOUND') return [];
    return [
      issue(this, `${member.collection} lists ${member.param} ${member.id}, but reading it answered 404 NOT_FOUND`, {
        received: '404 NOT_FOUND',
        documented: `the ${member.param} ${member.collection} lists, found`,
      }),
    ];
  },
};
