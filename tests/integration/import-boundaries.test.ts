// The layer rules of DESIGN.md are a lint rule; these tests prove the rule bites.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

const ruleIds = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
};

describe('import boundaries', () => {
  it('keeps domain/ free of browser, Node and outer layers', async () => {
    for (const imp of ['idb', 'react', 'node:fs', 'fastify', '../../sync/protocol', '../../client/storage/idb-storage']) {
      expect(await ruleIds('src/domain/records/x.ts', `import { a } from '${imp}';\nexport const b = a;\n`), imp).toContain('no-restricted-imports');
    }
    expect(await ruleIds('src/domain/records/x.ts', `import { z } from 'zod';\nexport const b = z;\n`)).not.toContain('no-restricted-imports');
  });

  it('keeps sync/ free of idb, React and Node', async () => {
    for (const imp of ['idb', 'react', 'node:crypto', '../client/storage/idb-storage', '../server/app']) {
      expect(await ruleIds('src/sync/x.ts', `import { a } from '${imp}';\nexport const b = a;\n`), imp).toContain('no-restricted-imports');
    }
    expect(await ruleIds('src/sync/x.ts', `import { a } from '../domain/records/engagement';\nexport const b = a;\n`)).not.toContain('no-restricted-imports');
  });

  it('keeps server/ away from browser code and client/ away from server code', async () => {
    expect(await ruleIds('src/server/x.ts', `import { a } from 'react';\nexport const b = a;\n`)).toContain('no-restricted-imports');
    expect(await ruleIds('src/server/x.ts', `import { a } from '../client/storage/idb-storage';\nexport const b = a;\n`)).toContain('no-restricted-imports');
    expect(await ruleIds('src/client/app/x.ts', `import { a } from '../../server/app';\nexport const b = a;\n`)).toContain('no-restricted-imports');
    expect(await ruleIds('src/client/app/x.ts', `import { a } from 'node:fs';\nexport const b = a;\n`)).toContain('no-restricted-imports');
  });

  it('stops a feature importing another feature, and ui/ reaching data', async () => {
    expect(await ruleIds('src/client/features/review/x.ts', `import { a } from '../fieldwork/queries';\nexport const b = a;\n`)).toContain('no-restricted-imports');
    expect(await ruleIds('src/client/features/review/x.ts', `import { a } from '../../ui/button';\nexport const b = a;\n`)).not.toContain('no-restricted-imports');
    expect(await ruleIds('src/client/ui/x.ts', `import { a } from '../storage/idb-storage';\nexport const b = a;\n`)).toContain('no-restricted-imports');
  });

  it('forbids Math.random, default exports and barrels', async () => {
    expect(await ruleIds('src/domain/x.ts', `export const r = Math.random();\n`)).toContain('no-restricted-syntax');
    expect(await ruleIds('src/domain/x.ts', `export default 1;\n`)).toContain('no-restricted-syntax');
    expect(await ruleIds('src/domain/x.ts', `export * from './y';\n`)).toContain('no-restricted-syntax');
  });
});
