import { join } from 'node:path';

/** This package's root (bin/, src/, specs/, suites/, playwright.config.ts), in a checkout or installed. */
export const PACKAGE_ROOT = join(__dirname, '..', '..');

/** The `vcconform` command (bin/vcconform.js). */
export const PACKAGE_BIN = join(PACKAGE_ROOT, 'bin', 'vcconform.js');
