// The dependency direction of DESIGN.md §2 is a lint rule; this proves the rule bites where it must.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const problems = async (file: string, code: string) =>
  (await eslint.lintText(code, { filePath: file }))[0]?.messages.filter((m) => m.ruleId === 'no-restricted-imports') ?? [];

describe('import direction', () => {
  it.each([
    ['src-renderer/views/x.ts', "import { createCore } from '../../src-main/core/create-core.js';"],
    ['src-renderer/views/x.ts', "import { app } from 'electron';"],
    ['src-main/core/x.ts', "import { app } from 'electron';"],
    ['src-main/core/x.ts', "import { ipc } from '../electron/ipc.js';"],
    ['src-shared/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src-shared/x.ts', "import { createCore } from '../src-main/core/create-core.js';"],
    ['src-hub/x.ts', "import { createCore } from '../src-main/core/create-core.js';"],
    ['src-main/core/x.ts', "import { startHub } from '../../src-hub/server.js';"],
    ['src-main/core/x.ts', "import { openEmbeddedIncidentStore } from '../../src-hub/embedded/embedded-incident-store.js';"],
    ['src-main/core/create-node-core.ts', "import { startHub } from '../../src-hub/server.js';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport {};`)).not.toHaveLength(0);
  });

  it.each([
    ['src-main/electron/x.ts', "import { app } from 'electron';"],
    ['src-main/core/x.ts', "import { incidentSchema } from '../../src-shared/domain.js';"],
    ['src-renderer/views/x.ts', "import { incidentSchema } from '../../src-shared/domain.js';"],
    ['src-main/cli/x.ts', "import { startHub } from '../../src-hub/server.js';"],
    ['src-main/core/create-node-core.ts', "import { openEmbeddedIncidentStore } from '../../src-hub/embedded/embedded-incident-store.js';"],
    ['src-hub/x.ts', "import { incidentSchema } from '../src-shared/domain.js';"],
  ])('%s may: %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport {};`)).toHaveLength(0);
  });
});
