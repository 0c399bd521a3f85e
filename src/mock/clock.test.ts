import { test, expect } from '@playwright/test';
import { scaledClock, wallTimes } from './clock';

test.describe('mock clock: timestamps shown on the wall clock', () => {
  test('wallTimes shows every ISO instant of a body on the wall clock, leaves other values as they are, and copies', () => {
    let wall = Date.parse('2026-12-07T00:00:00.000Z');
    const clock = scaledClock(1000, () => wall);
    wall += 10; // 10 real ms = 10 virtual s
    const virtual = new Date(clock.now()).toISOString();
    expect(virtual).toBe('2026-12-07T00:00:10.000Z');
    const body = JSON.parse(
      `{"start_time":"${virtual}","before":"2020-01-01T00:00:00.000Z","note":"2026-12-07T00:00:10Z",` +
        `"n":3,"list":["${virtual}",null,true],"__proto__":{"x":"${virtual}"}}`,
    ) as Record<string, unknown>;
    const shown = wallTimes(body, clock);
    expect(shown).toEqual({
      start_time: '2026-12-07T00:00:00.010Z',
      before: '2020-01-01T00:00:00.000Z',
      note: '2026-12-07T00:00:10Z',
      n: 3,
      list: ['2026-12-07T00:00:00.010Z', null, true],
      ['__proto__']: { x: '2026-12-07T00:00:00.010Z' },
    });
    expect(Object.keys(shown)).toEqual(Object.keys(body));
    expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
    expect(Object.hasOwn(shown, '__proto__')).toBe(true);
    expect(body.start_time).toBe(virtual); // the handler's object is not edited
  });
});
