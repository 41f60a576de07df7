import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { demoInstallation } from '../support/test-database';

// `vincula report quarterly` as an operator runs it, on the demo installation.

const run = promisify(execFile);
const bin = path.resolve('bin/vincula.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vincula-report-cli-'));
let dropDemo: (() => Promise<void>) | undefined;

async function vincula(env: Record<string, string>, ...args: string[]) {
  const cleanEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env };
  if (!cleanEnv.DATABASE_URL) delete cleanEnv.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: cleanEnv,
      timeout: 300_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropDemo?.();
});

describe('vincula report quarterly', () => {
  it('writes the demo quarterly report in every format, and refuses bad options plainly', async () => {
    // The demo installation, from the run's demo template (seeding has its own test: cli.db.test.ts).
    const demo = await demoInstallation('data', tmp);
    dropDemo = demo.drop;
    const env = demo.env;
    const args = [
      'report',
      'quarterly',
      '--org',
      'IECM',
      '--body',
      'CVOE',
      '--year',
      '2024',
      '--quarter',
      '1',
    ];
    const md = path.join(tmp, 'informe.md');
    const res = await vincula(env, ...args, '--format', 'md', '--out', md);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`Informe escrito en ${md}`);
    const text = fs.readFileSync(md, 'utf8');
    expect(text).toContain(
      '# INFORME TRIMESTRAL DE LA COMISIÓN PROVISIONAL DE VINCULACIÓN CON ORGANISMOS EXTERNOS DE ENERO A MARZO DE 2024.',
    );
    expect(text).toContain('**CVOE/011/2024.**');

    const docx = path.join(tmp, 'informe.docx');
    expect((await vincula(env, ...args, '--format', 'docx', '--out', docx)).code).toBe(0);
    const xml = await (
      await JSZip.loadAsync(fs.readFileSync(docx))
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('Integrantes e invitados');
    expect(xml.match(/<w:tbl>/g)!.length).toBeGreaterThan(5);

    const pdf = path.join(tmp, 'informe.pdf');
    expect((await vincula(env, ...args, '--format', 'pdf', '--out', pdf)).code).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const bad = await vincula(
      env,
      'report',
      'quarterly',
      '--org',
      'IECM',
      '--body',
      'CVOE',
      '--year',
      '2024',
      '--quarter',
      '5',
      '--format',
      'md',
      '--out',
      md,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--quarter: El trimestre va de 1 a 4');
    const unknown = await vincula(
      env,
      ...args.slice(0, 5),
      'XYZ',
      ...args.slice(6),
      '--format',
      'md',
      '--out',
      md,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No existe el órgano colegiado XYZ en IECM.');
  }, 900_000);
});
