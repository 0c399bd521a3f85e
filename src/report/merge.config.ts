import { resolve } from 'node:path';
import { reportersFor } from './reporters';

/**
 * The configuration `vcconform merge` hands to `playwright merge-reports`: only the reporters, with
 * their outputs under VCCONFORM_REPORTS (the only environment it reads).
 */
export default {
  testDir: resolve(__dirname, '..', '..'),
  reporter: reportersFor(resolve(process.env.VCCONFORM_REPORTS || 'reports'), { list: false }),
};
