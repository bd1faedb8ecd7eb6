/**
 * Keyboard shortcuts: every command declared in the manifest gets its default key at install, in both browsers.
 * A browser silently leaves a suggested key unassigned when it clashes with one of its own, so the test reads
 * what the browser actually assigned (`commands.getAll()`), not the manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/serve-pages.mjs';
import { type BrowserName, type ExtensionBrowser, launch } from './helpers/browsers';
import { Control } from './helpers/reader';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'manifest.json'), 'utf8')) as {
  commands: Record<string, { suggested_key: { default: string } }>;
};

interface Command {
  name?: string;
  shortcut?: string;
}

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (browserName) => {
  let browser: ExtensionBrowser;
  let control: Control;

  beforeAll(async () => {
    browser = await launch(browserName);
    control = await Control.open(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('assigns every command its default shortcut at install', async () => {
    const commands = await control.page.evaluate(async () => {
      const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
      const api = (g.browser ?? g.chrome) as { commands: { getAll(): Promise<Command[]> } };
      return (await api.commands.getAll()).map((c) => ({ name: c.name, shortcut: c.shortcut }));
    }, null);
    const assigned = Object.fromEntries(commands.map((c) => [c.name, c.shortcut ?? '']));
    for (const [name, command] of Object.entries(manifest.commands)) {
      const normalise = (key: string) => key.toLowerCase().replace(/\s+/g, '').split('+').sort().join('+');
      const wanted = normalise(command.suggested_key.default).replace('period', '.').replace('comma', ',');
      expect(
        normalise(assigned[name] ?? '')
          .replace('period', '.')
          .replace('comma', ','),
        name,
      ).toBe(wanted);
    }
  });
});
