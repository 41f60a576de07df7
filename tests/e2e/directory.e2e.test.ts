import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  expectAccessible,
  fieldError,
  labelled,
  launchBrowser,
  newContext,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { startTestApp, type TestApp } from '../support/test-app';

// The directory as the liaison office uses it: search, records, positions over time, files.

let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
  context = await newContext(browser, app.url);
  page = await context.newPage();
  errors = watchErrors(page);
  await signIn(page, 'enlace@iecm.demo');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const rows = () => page.getByRole('main').getByRole('table').locator('tbody tr');

describe('directory', () => {
  it('finds an area without accents and shows its heads over time', async () => {
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Áreas' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Áreas' }).waitFor();
    await expect.poll(() => rows().count()).toBeGreaterThan(10);
    await expectAccessible(page, 'lista de áreas');

    await page.getByRole('searchbox', { name: 'Buscar área' }).fill('juridicos');
    await page.waitForURL(/q=juridicos/);
    await expect.poll(() => rows().count()).toBe(1);
    await rows().getByRole('link', { name: 'Unidad Técnica de Asuntos Jurídicos' }).click();

    await page.getByRole('heading', { level: 1, name: 'Unidad Técnica de Asuntos Jurídicos' }).waitFor();
    const heads = page.getByRole('table', { name: /Titulares de/ });
    await expect.poll(() => heads.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect(heads.textContent()).resolves.toMatch(/Titular|Encargado/);
    await expectAccessible(page, 'detalle de área');
    expect(errors).toEqual([]);
  });

  it('registers an institution, with the API validation shown next to the field', async () => {
    await page.goto('/directorio/instituciones');
    await page.getByRole('heading', { level: 1, name: 'Instituciones' }).waitFor();
    await expectAccessible(page, 'lista de instituciones');

    await page.getByRole('button', { name: 'Registrar institución' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nueva institución' });
    await dialog.waitFor();
    await expectAccessible(page, 'formulario de institución');

    await dialog.getByLabel(labelled('Nombre')).fill('Universidad Autónoma de Vinculación Electoral');
    await dialog.getByLabel(labelled('Siglas')).fill('UAVE');
    await choose(dialog, 'Tipo', 'Universidad');
    await choose(dialog, 'Ámbito', 'Nacional');
    const website = dialog.getByLabel(labelled('Sitio web'));
    await website.fill('no es una dirección');
    await dialog.getByRole('button', { name: 'Registrar institución' }).click();

    await expect.poll(() => fieldError(website)).not.toBe('');
    await expect(website.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain(
      'Los datos enviados no son válidos.',
    );
    await expectAccessible(page, 'formulario de institución con errores');

    await website.fill('https://uave.edu.mx');
    await dialog.getByRole('button', { name: 'Registrar institución' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('searchbox', { name: 'Buscar institución' }).fill('vinculacion electoral');
    await expect.poll(() => rows().count()).toBe(1);
    const row = rows().first();
    await expect(row.textContent()).resolves.toContain('Universidad Autónoma de Vinculación Electoral');
    await expect(row.textContent()).resolves.toContain('Universidad');
    await expect(row.textContent()).resolves.toContain('Nacional');
  });

  it('adds a position to a person: refuses an end before the start, then lists it', async () => {
    await page.goto('/directorio/personas');
    await page.getByRole('heading', { level: 1, name: 'Personas' }).waitFor();
    await expectAccessible(page, 'lista de personas');
    await page.getByRole('searchbox', { name: 'Buscar persona' }).fill('valle monroy');
    await expect.poll(() => rows().count()).toBe(1);
    await rows()
      .getByRole('link', { name: /Bernardo Valle Monroy/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /Bernardo Valle Monroy/ }).waitFor();
    await expectAccessible(page, 'detalle de persona');

    await page.getByRole('button', { name: 'Agregar cargo' }).click();
    const dialog = page.getByRole('dialog', { name: /Nuevo cargo de/ });
    await dialog.waitFor();
    await dialog.getByLabel(labelled('Cargo')).fill('Asesor jurídico');
    await choose(dialog, 'Área', 'Unidad Técnica de Asuntos Jurídicos (UTAJ)', 'juridicos');
    const startsOn = dialog.getByLabel(labelled('Desde'));
    const endsOn = dialog.getByLabel(labelled('Hasta'));
    await startsOn.fill('01/03/2024');
    await endsOn.fill('15/02/2024');
    await dialog.getByLabel(labelled('Cargo')).click();
    await expectAccessible(page, 'formulario de cargo');
    await dialog.getByRole('button', { name: 'Agregar cargo' }).click();

    await expect.poll(() => fieldError(endsOn)).toBe('La fecha de término es anterior a la de inicio');
    await expectAccessible(page, 'formulario de cargo con errores');

    await endsOn.fill('31/12/2024');
    await dialog.getByLabel(labelled('Cargo')).click();
    await dialog.getByRole('button', { name: 'Agregar cargo' }).click();
    await dialog.waitFor({ state: 'detached' });

    const positions = page.getByRole('table', { name: /Cargos de/ });
    const added = positions.locator('tbody tr', { hasText: 'Asesor jurídico' });
    await expect.poll(() => added.count()).toBe(1);
    await expect(added.textContent()).resolves.toContain('Unidad Técnica de Asuntos Jurídicos');
    await expect(added.textContent()).resolves.toContain('1 mar 2024');
    await expect(added.textContent()).resolves.toContain('31 dic 2024');
    expect(errors).toEqual([]);
  });

  it('exports the filtered list as a file', async () => {
    await page.goto('/directorio/areas?q=juridicos');
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByRole('button', { name: 'Exportar' }).click();
    await expectAccessible(page, 'menú de exportación');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'CSV (.csv)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('Unidad Técnica de Asuntos Jurídicos');
    // Only the filtered list: another area is not in the file.
    expect(text).not.toContain('Secretaría Administrativa');
  });

  it('imports a CSV: a bad row is reported by row, then the valid rows are imported', async () => {
    await page.goto('/directorio/instituciones');
    await page.getByRole('button', { name: 'Importar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importar instituciones' });
    await dialog.waitFor();
    await expectAccessible(page, 'importación');

    const csv = [
      'nombre,siglas,tipo,pais,nivel,correo,telefono,sitio_web,domicilio,notas',
      'Colegio de Estudios Electorales,CEE,Universidad,MX,Local,,,https://cee.edu.mx,,',
      'Fila Con Errores,,tipo-que-no-existe,MX,Nacional,,,,,',
    ].join('\n');
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'instituciones.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await dialog.getByRole('button', { name: 'Importar', exact: true }).click();

    const report = dialog.getByRole('table', { name: 'Problemas encontrados, fila por fila' });
    await report.waitFor();
    const problem = report.locator('tbody tr').first();
    await expect(problem.locator('td').first().textContent()).resolves.toBe('3');
    await expect(problem.textContent()).resolves.toContain('tipo');
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain('no se importó ningún registro');
    await expectAccessible(page, 'informe de importación');

    await dialog.getByRole('button', { name: 'Importar omitiendo filas con errores' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Se importó 1 registro');
    await dialog.getByRole('button', { name: 'Cerrar', exact: true }).first().click();

    await page.getByRole('searchbox', { name: 'Buscar institución' }).fill('colegio de estudios');
    await expect.poll(() => rows().count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('registers a person (opening their record) and deletes a record made by mistake, not one in use', async () => {
    await page.goto('/directorio/personas');
    await page.getByRole('button', { name: 'Registrar persona' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nueva persona' });
    await dialog.waitFor();
    await expectAccessible(page, 'formulario de persona');
    await dialog.getByLabel(labelled('Nombre completo')).fill('Persona Capturada Por Error');
    await dialog.getByRole('button', { name: 'Registrar persona' }).click();
    await page.getByRole('heading', { level: 1, name: 'Persona Capturada Por Error' }).waitFor();

    await page.getByRole('button', { name: 'Eliminar' }).click();
    const confirm = page.getByRole('dialog', { name: 'Eliminar persona' });
    await expectAccessible(page, 'confirmación de eliminación');
    await confirm.getByRole('button', { name: 'Eliminar' }).click();
    await page.waitForURL(/\/directorio\/personas$/);
    await page.getByRole('searchbox', { name: 'Buscar persona' }).fill('capturada por error');
    await expect.poll(() => page.getByText('No hay registros que coincidan').count()).toBe(1);

    // An area with positions and users is kept, and the dialog says why.
    await page.goto('/directorio/areas?q=juridicos');
    await rows().getByRole('link', { name: 'Unidad Técnica de Asuntos Jurídicos' }).click();
    await page.getByRole('button', { name: 'Eliminar' }).click();
    const refuse = page.getByRole('dialog', { name: 'Eliminar área' });
    await refuse.getByRole('button', { name: 'Eliminar' }).click();
    await expect.poll(() => refuse.getByRole('alert').textContent()).toContain('no se puede eliminar');
    await refuse.getByRole('button', { name: 'Cancelar' }).click();

    // The area form, opened from the list, is accessible too.
    await page.goto('/directorio/areas');
    await page.getByRole('button', { name: 'Registrar área' }).click();
    await page.getByRole('dialog', { name: 'Nueva área' }).waitFor();
    await expectAccessible(page, 'formulario de área');
    expect(errors).toEqual([]);
  });
});
