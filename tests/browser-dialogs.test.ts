// The lint rule that keeps the browser's own dialogs (confirm/alert/prompt: English OK/Cancel in every
// language, a dismissal that looks like a click that did nothing) out of app/ and lib/: every spelling
// of the call is caught there, and the app's own dialog is not.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function dialogFindings(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-properties');
}

describe('no browser dialogs in app/ and lib/', () => {
  it.each([
    ['window.confirm', "export function f() { return window.confirm('Publish?'); }\n"],
    ['confirm', "export function f() { return confirm('Publish?'); }\n"],
    ['alert', "export function f() { alert('Done'); }\n"],
    ['window.prompt', "export function f() { return window.prompt('Reason?'); }\n"],
    ['globalThis.confirm', "export function f() { return globalThis.confirm('Sure?'); }\n"],
  ])('%s is refused in app/ and lib/', async (_name, code) => {
    for (const file of ['app/admin/components/Example.tsx', 'lib/example.ts']) {
      const found = await dialogFindings(code, file);
      expect(found, file).toHaveLength(1);
      expect(found[0].message).toContain('ConfirmDialog');
    }
  });

  it('a prop or variable named confirm is not the browser dialog', async () => {
    const code = "export function f(confirm?: string) { return confirm ? confirm.length : 0; }\n";
    expect(await dialogFindings(code, 'app/components/Example.tsx')).toEqual([]);
  });
});
