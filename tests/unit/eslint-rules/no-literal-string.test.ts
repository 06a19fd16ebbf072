/**
 * The lint rule that keeps text out of the code (i18next/no-literal-string in
 * eslint.config.js): a word a person reads, written in the renderer or in the Electron
 * shell's tray and notifications, fails `npm run lint`.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Linted as files that are not on disk, so without the TypeScript project's type information.
const eslint = new ESLint({ overrideConfig: { languageOptions: { parserOptions: { projectService: false } } } });

async function literals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string').map((m) => m.message);
}

describe('hard-coded text', () => {
  it('fails in the renderer’s JSX, as text or in an attribute people read', async () => {
    const code = 'export function Status() {\n  return <p title="Hub status">Hub offline</p>;\n}\n';
    expect(await literals('renderer/src/x.tsx', code)).toHaveLength(2);
  });

  it('fails in the renderer’s code, in a string or a template', async () => {
    const code = 'export function problem(name: string) {\n  return { text: `${name} is an operator` };\n}\n';
    expect(await literals('renderer/src/features/board/x.ts', code)).toHaveLength(1);
  });

  it('fails in the text of a desktop notification or the tray', async () => {
    expect(await literals('electron/services/desk/call-notification.ts', "export const notice = { title: 'Incoming call' };\n")).toHaveLength(1);
    expect(await literals('electron/services/desk/tray-menu.ts', "export const item = { label: 'Quit' };\n")).toHaveLength(1);
  });

  it('passes text that goes through t(), punctuation, class names and log lines', async () => {
    const code = [
      "import { useTranslation } from 'react-i18next';",
      'export function A({ n }: { n: number }) {',
      '  const { t } = useTranslation();',
      "  console.error('could not read the desk state');",
      '  return <p className="meta">{t(\'call.tab\')} · {n} — ?</p>;',
      '}',
      '',
    ].join('\n');
    expect(await literals('renderer/src/x.tsx', code)).toEqual([]);
  });
});
