import { test, expect } from '@playwright/test';
import { clip, formatDuration, prettyBody } from './format';
import { escapeHtml, html, raw } from './markup';

test.describe('html markup', () => {
  test('escapeHtml escapes the five characters that can open markup or close an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  test('html escapes interpolated text and arrays, keeps nested markup, drops null, undefined and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${['<', inner, 1]}${null}${undefined}${false}${0}</p>`.text).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;<b>&lt;i&gt;</b>10</p>',
    );
    expect(html`${raw('<style>a{}</style>')}`.text).toBe('<style>a{}</style>');
  });
});

test.describe('html format', () => {
  const durations: [number, string][] = [
    [0, '0 ms'],
    [999.4, '999 ms'],
    [999.6, '1.0 s'],
    [59_960, '1 min 00 s'],
    [1000, '1.0 s'],
    [59_949, '59.9 s'],
    [61_000, '1 min 01 s'],
    [3_725_000, '1 h 02 min'],
  ];
  for (const [ms, text] of durations) test(`formatDuration(${ms}) is "${text}"`, () => expect(formatDuration(ms)).toBe(text));

  test('prettyBody indents JSON and leaves anything else alone', () => {
    expect(prettyBody('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyBody('"id"')).toBe('"id"');
    for (const text of ['', 'not json', '{"a":', '<html>']) expect(prettyBody(text)).toBe(text);
  });

  test('clip keeps short text and says how much of a long one it cut', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('abcdef', 4)).toBe('abcd\n… (2 more characters)');
  });
});
