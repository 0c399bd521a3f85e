import { test, expect } from '@playwright/test';
import { median, ratioFigure, figure } from './stats';
import { targetsOf } from './parts';

test.describe('bench figures', () => {
  test('a figure is the median of its samples with their min and max; a ratio pairs the repetitions', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(figure('f', 'F', 'ms', [10, 30, 20])).toEqual({
      id: 'f',
      label: 'F',
      unit: 'ms',
      median: 20,
      min: 10,
      max: 30,
      samples: [10, 30, 20],
    });
    // (10/5, 40/10, 30/30): paired per repetition, not the ratio of the medians (30/10 = 3).
    expect(ratioFigure('r', 'R', [10, 40, 30], [5, 10, 30])).toMatchObject({ median: 2, min: 1, max: 4, samples: [2, 4, 1] });
    expect(() => ratioFigure('r', 'R', [1], [1, 2])).toThrow(/pair r: 1 and 2 samples/);
  });

  test('targets are judged on the median, inclusive; a figure that was not measured is null, not a failure', () => {
    const figures = [figure('p3-batch-10000', 'x', 'ms', [900, 1000, 1100]), figure('p3-growth-10000-to-1000', 'y', 'ratio', [13])];
    expect(targetsOf('P3', figures)).toEqual([
      { figure: 'p3-batch-10000', comparison: '<=', threshold: 1000, value: 1000, pass: true },
      { figure: 'p3-growth-10000-to-1000', comparison: '<=', threshold: 12, value: 13, pass: false },
    ]);
    expect(targetsOf('P5', [])).toEqual([{ figure: 'p5-mock-to-prism', comparison: '>=', threshold: 2, value: null, pass: null }]);
  });
});
