import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { basicToken, Redactor, SecretIndex } from './redactor';

test.describe('redactor: secrets never leave the wire as they were', () => {
  test('a password, its base64 and the Basic token are masked in free text', () => {
    const r = new Redactor();
    r.addCredentials('administrator@vsphere.local', 'S3cret!pw');
    const token = basicToken('administrator@vsphere.local', 'S3cret!pw');
    const out = r.text(`login with S3cret!pw, encoded ${Buffer.from('S3cret!pw').toString('base64')}, token ${token}.`);
    expect(out).toBe('login with <redacted:password>, encoded <redacted:password>, token <redacted:basic>.');
  });

  test('a secret is masked as it appears inside a JSON string (escaped quotes and backslashes)', () => {
    const r = new Redactor();
    r.add('pa"ss\\word', '<redacted:password>');
    expect(r.text(JSON.stringify({ note: 'was pa"ss\\word' }))).toBe('{"note":"was <redacted:password>"}');
    expect(r.value({ note: 'was pa"ss\\word', n: 1 })).toEqual({ note: 'was <redacted:password>', n: 1 });
  });

  test('where two secrets start at one place the longer is masked, so neither is half shown', () => {
    const r = new Redactor();
    r.add('abcd1234', '<short>');
    r.add('abcd12345678', '<long>');
    expect(r.text('x abcd12345678 y abcd1234 z')).toBe('x <long> y <short> z');
  });

  test('credential headers are masked whatever their value; a probe session header is kept as sent unless it is a known secret', () => {
    const r = new Redactor();
    r.add('0123456789abcdef', '<redacted:session-id>');
    r.allowSessionHeader('not-a-session');
    expect(r.headers({ Authorization: 'Basic xyz', 'vmware-api-session-id': '0123456789abcdef', 'x-note': 'id 0123456789abcdef' })).toEqual(
      {
        authorization: 'Basic <redacted>',
        'vmware-api-session-id': '<redacted:session-id>',
        'x-note': 'id <redacted:session-id>',
      },
    );
    expect(r.headers({ 'vmware-api-session-id': 'not-a-session' })).toEqual({ 'vmware-api-session-id': 'not-a-session' });
    expect(r.text('call log: vmware-api-session-id: deadbeefcafe authorization=Basic QUJD')).toBe(
      'call log: vmware-api-session-id: <redacted:session-id> authorization=Basic <redacted>',
    );
  });

  test('with thousands of session ids learnt, each is still found, and a text holding none comes back as it was', () => {
    const r = new Redactor();
    const ids = Array.from(
      { length: 5000 },
      (_, i) => `${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}${i.toString(16).padStart(24, '0')}`,
    );
    for (const id of ids) r.add(id, '<redacted:session-id>');
    const clean = JSON.stringify({
      value: Array.from({ length: 50 }, (_, i) => ({ cluster: `domain-c${i}`, status: 'RUNNING', id: `task-${i}` })),
    });
    expect(r.text(clean)).toBe(clean);
    for (const id of [ids[0], ids[2500], ids[4999]])
      expect(r.text(`{"session":"${id}","at":1}`)).toBe('{"session":"<redacted:session-id>","at":1}');
  });

  test('property: the one pass masks what replacing each secret in turn (longest first) masks', () => {
    // Secrets from one alphabet and the text around them from another, so no secret is part of another or of the filler.
    const secret = fc.stringMatching(/^[a-f0-9]{4,20}$/);
    const filler = fc.stringMatching(/^[ .,:{}"x-z]{0,6}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(secret, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(filler, fc.nat()), { maxLength: 20 }),
        (secrets, parts) => {
          const distinct = secrets.filter((s) => !secrets.some((o) => o !== s && o.includes(s)));
          const index = new SecretIndex();
          distinct.forEach((s, i) => {
            index.add(s, `<${i}>`);
          });
          const text = parts.map(([f, n]) => f + distinct[n % distinct.length]).join('');
          let expected = text;
          distinct
            .map((s, i) => ({ s, p: `<${i}>` }))
            .sort((a, b) => b.s.length - a.s.length)
            .forEach(({ s, p }) => {
              expected = expected.split(s).join(p);
            });
          expect(index.replace(text)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a string shorter than the window is refused by the index (the redactor ignores secrets under 4 characters)', () => {
    expect(() => new SecretIndex().add('abc', '<x>')).toThrow(/shorter than 4 characters/);
    const r = new Redactor();
    r.add('abc', '<x>');
    expect(r.text('abc')).toBe('abc');
  });
});
