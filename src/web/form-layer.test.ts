import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every form of the app goes through the shared form layer (src/web/shared/form): useSaveForm wires
 * the contract's schema in the browser, the server's field problems, the notification and the stale
 * queries; FormBody and FormModal hold it. A page that builds a form of its own (Mantine's useForm,
 * applyFieldErrors by hand, a <form> that saves through no useSaveForm) is caught here.
 */
const SRC = path.resolve(import.meta.dirname, '..');
const LAYER = path.join(SRC, 'web', 'shared', 'form');

const webFiles = ['web', 'modules']
  .flatMap((dir) =>
    fs
      .readdirSync(path.join(SRC, dir), { recursive: true, encoding: 'utf8' })
      .map((f) => path.join(SRC, dir, f)),
  )
  .filter((file) => file.endsWith('.tsx') && !file.endsWith('.test.tsx') && !file.startsWith(LAYER));

describe('the form layer', () => {
  it('reads the pages (a wrong path would find nothing to refuse)', () => {
    expect(webFiles.filter((f) => /useSaveForm[<(]/.test(fs.readFileSync(f, 'utf8'))).length).toBeGreaterThan(
      50,
    );
  });

  it('is the only user of Mantine’s form and of the field-error placement', () => {
    const offenders = webFiles.filter((file) =>
      /from '@mantine\/form'|\bapplyFieldErrors\b/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('saves every <form> of a page through useSaveForm', () => {
    const offenders = webFiles.filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return /<form\b/.test(text) && !/\buseSaveForm[<(]/.test(text);
    });
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
