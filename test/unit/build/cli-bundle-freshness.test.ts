// The CLI runs from a bundle rebuilt when a file it was built from changes (scripts/build-cli.mjs):
// a stale bundle would run yesterday's code, so what counts as fresh is tested on real files.
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFresh as fresh } from '../../../scripts/build-cli.mjs';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
  writeFileSync(join(root, 'a.ts'), 'export const a = 1;');
  writeFileSync(join(root, 'cli.mjs'), '// bundle');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the CLI bundle is fresh', () => {
  it('while every input keeps the time it was built from', () => {
    const info = { inputs: { 'a.ts': statSync(join(root, 'a.ts')).mtimeMs } };
    expect(fresh(info, root, join(root, 'cli.mjs'))).toBe(true);
  });

  it('not once an input changes, disappears, or changed during the build (-1); nor without a bundle or build.json', () => {
    const built = statSync(join(root, 'a.ts')).mtimeMs;
    expect(fresh({ inputs: { 'a.ts': built, 'gone.ts': 1 } }, root, join(root, 'cli.mjs'))).toBe(false);
    expect(fresh({ inputs: { 'a.ts': -1 } }, root, join(root, 'cli.mjs'))).toBe(false);
    expect(fresh({ inputs: { 'a.ts': built } }, root, join(root, 'missing.mjs'))).toBe(false);
    expect(fresh(undefined, root, join(root, 'cli.mjs'))).toBe(false);
    utimesSync(join(root, 'a.ts'), new Date(), new Date(built + 5_000));
    expect(fresh({ inputs: { 'a.ts': built } }, root, join(root, 'cli.mjs'))).toBe(false);
  });
});
