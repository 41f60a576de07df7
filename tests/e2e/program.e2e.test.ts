import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
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

// The work program as the liaison office uses it: the 2024 program with its targets and the
// objectives without activity, the activities of January–March 2024 with a new one recorded (a
// reversed range refused first), and the publications with their missing issues.

let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  await seedDemo(app.ctx);
  context = await newContext(browser, app.url);
  page = await context.newPage();
  errors = watchErrors(page);
  await signIn(page, 'enlace@iecm.demo');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Navegación principal' });

describe('work program', () => {
  it('shows the program tree with target progress and asks a reason for objectives without activity', async () => {
    await nav().getByRole('link', { name: 'Programa de trabajo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programa de trabajo' }).waitFor();
    await page.goto('/programa?periodo=2024-T1');
    await page.getByRole('heading', { level: 2, name: /^3\. Vinculación Permanente/ }).waitFor();
    await page.getByText('Aprobado mediante el Acuerdo CVOE/003/2023', { exact: false }).waitFor();
    await expect(
      page.getByRole('progressbar', { name: /Envío de al menos 30 noticias/ }).count(),
    ).resolves.toBe(1);
    await expect(
      page
        .getByText('Motivo declarado: Se realizaron pláticas con dos instituciones', { exact: false })
        .count(),
    ).resolves.toBe(1);
    await expectAccessible(page, 'árbol del programa');

    const alert = page.getByRole('alert').filter({ hasText: 'sin actividad ni motivo' });
    if ((await alert.count()) > 0) {
      const before = await alert.getByRole('button', { name: 'Declarar motivo' }).count();
      await alert.getByRole('button', { name: 'Declarar motivo' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByLabel(labelled('Motivo'))
        .fill('Sin actividades en el periodo por el calendario electoral.');
      await expectAccessible(page, 'motivo de un objetivo sin actividad');
      await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect
        .poll(async () =>
          (await alert.count()) ? alert.getByRole('button', { name: 'Declarar motivo' }).count() : 0,
        )
        .toBe(before - 1);
    }
    expect(errors).toEqual([]);
  });

  it('lists the activities of the quarter, filters them, and records one (a reversed range refused first)', async () => {
    await nav().getByRole('link', { name: 'Actividades' }).click();
    await page.getByRole('heading', { level: 1, name: 'Actividades' }).waitFor();
    await page.goto('/programa/actividades?periodo=2024-T1');
    const table = page.getByRole('table', { name: 'Actividades' });
    await page
      .getByText(/de \d+$/)
      .first()
      .waitFor();
    await choose(page, 'Tipo', 'Gira en el extranjero');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    await expect(table.textContent()).resolves.toContain('6 al 9 de marzo de 2024');
    await expectAccessible(page, 'lista de actividades');

    await page.getByRole('button', { name: 'Registrar actividad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar actividad' });
    await choose(
      dialog,
      'Objetivo',
      '3.A Promover, difundir e informar sobre los derechos político-electorales',
      '3.A',
    );
    await choose(dialog, 'Tipo', 'Gira en el extranjero');
    await dialog.getByLabel(labelled('Actividad')).fill('Gira de trabajo en Houston');
    await dialog.getByText('Del… al…', { exact: true }).click();
    await dialog.getByLabel(labelled('Desde')).fill('20/04/2024');
    await dialog.getByLabel(labelled('Hasta')).fill('17/04/2024');
    await dialog.getByLabel(labelled('Lugar')).click();
    await expectAccessible(page, 'formulario de actividad');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect
      .poll(() => fieldError(dialog.getByLabel(labelled('Hasta'))))
      .toBe('La fecha final (17 de abril de 2024) es anterior a la inicial (20 de abril de 2024)');

    await dialog.getByLabel(labelled('Desde')).fill('17/04/2024');
    await dialog.getByLabel(labelled('Hasta')).fill('20/04/2024');
    await dialog.getByLabel(labelled('Lugar')).fill('Houston, Texas');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.goto('/programa/actividades?periodo=2024-T2');
    await page
      .getByRole('cell', { name: /^Gira de trabajo en Houston/ })
      .first()
      .waitFor();
    await expect(table.textContent()).resolves.toContain('17 al 20 de abril de 2024');
    // Evidence: a file attached to the row, then offered as a download link.
    await table
      .locator('input[type="file"]')
      .first()
      .setInputFiles({
        name: 'lista-de-asistencia.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4 lista'),
      });
    await table.getByRole('link', { name: 'lista-de-asistencia.pdf' }).waitFor();
    await expectAccessible(page, 'actividad con evidencia');

    // The tour's route, partners, councillor in charge and agenda (an event outside the tour's
    // dates refused next to its day).
    const houston = table.getByRole('row').filter({ hasText: 'Gira de trabajo en Houston' });
    await houston.getByRole('button', { name: /^Editar «Gira de trabajo en Houston/ }).click();
    const tour = page.getByRole('dialog', { name: 'Modificar actividad' });
    const route = tour.getByLabel(labelled('Ruta (ciudades, en orden)'));
    await route.fill('Houston');
    await route.press('Enter');
    await route.fill('Dallas');
    await route.press('Enter');
    const partners = tour.getByLabel(labelled('Aliados'));
    await partners.fill('Consulado General de México en Houston');
    await partners.press('Enter');
    await choose(tour, 'Agregar participante', 'Erika Estrada Ruíz', 'Erika');
    await choose(tour, 'Papel de Erika Estrada Ruíz', 'A cargo');
    await tour.getByRole('button', { name: 'Agregar evento a la agenda' }).click();
    const event = tour.getByRole('group', { name: 'Evento 1' });
    await event.getByLabel(labelled('Día')).fill('21/04/2024');
    await event.getByLabel(labelled('Evento')).fill('Reunión con organizaciones de migrantes');
    await event.getByLabel(labelled('Ciudad')).fill('Dallas');
    await expectAccessible(page, 'gira con ruta y agenda');
    await tour.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect
      .poll(() => fieldError(event.getByLabel(labelled('Día'))))
      .toBe('El evento de la agenda cae fuera de las fechas de la actividad');
    await event.getByLabel(labelled('Día')).fill('19/04/2024');
    await event.getByLabel(labelled('Ciudad')).click();
    await tour.getByRole('button', { name: 'Guardar cambios' }).click();
    await tour.waitFor({ state: 'detached' });
    await houston.getByText('Ruta: Houston → Dallas').waitFor();
    await houston.getByText('A cargo: Erika Estrada Ruíz').waitFor();
    await houston.getByText('Aliados: Consulado General de México en Houston').waitFor();
    await houston.getByText('Agenda de 1 evento').waitFor();
    await expectAccessible(page, 'gira con sus datos');
    expect(errors).toEqual([]);
  });

  it('builds a fresh program: the program, a line (a taken number refused), objectives and a target', async () => {
    await page.goto('/programa?periodo=2025-T1');
    await page.getByRole('heading', { level: 1, name: 'Programa de trabajo' }).waitFor();
    await page.getByRole('button', { name: 'Registrar programa' }).click();
    let dialog = page.getByRole('dialog', { name: 'Registrar programa' });
    await dialog.getByLabel(labelled('Año')).fill('2024');
    await dialog.getByLabel(labelled('Nombre del programa')).fill('Programa de Vinculación 2025');
    await dialog.getByLabel(labelled('Número del acuerdo, si no está registrado')).fill('CVOE/001/2025');
    await dialog.getByLabel(labelled('Fecha de aprobación')).fill('15/01/2025');
    await dialog.getByLabel(labelled('Nombre del programa')).click();
    await expectAccessible(page, 'formulario del programa');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    // The demo already holds the 2024 program: the server's message shows next to the year.
    await expect
      .poll(() => fieldError(dialog.getByLabel(labelled('Año'))))
      .toBe('Ya existe un programa de trabajo de 2024');
    await dialog.getByLabel(labelled('Año')).fill('2025');
    await dialog.getByLabel(labelled('Nombre del programa')).click();
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Aprobado mediante el Acuerdo CVOE/001/2025 del 15 ene 2025').waitFor();
    await page.getByText('El programa aún no tiene líneas').waitFor();

    await page.getByRole('button', { name: 'Agregar línea' }).click();
    dialog = page.getByRole('dialog', { name: 'Agregar línea' });
    await expect(dialog.getByLabel(labelled('Número de la línea')).inputValue()).resolves.toBe('1');
    await dialog.getByLabel(labelled('Nombre de la línea')).fill('Vinculación con instituciones académicas');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Agregar línea' }).click();
    dialog = page.getByRole('dialog', { name: 'Agregar línea' });
    await dialog.getByLabel(labelled('Número de la línea')).fill('1');
    await dialog.getByLabel(labelled('Nombre de la línea')).fill('Difusión en el extranjero');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect
      .poll(() => fieldError(dialog.getByLabel(labelled('Número de la línea'))))
      .toBe('El programa ya tiene una línea 1');
    await dialog.getByLabel(labelled('Número de la línea')).fill('2');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 2, name: '2. Difusión en el extranjero' }).waitFor();

    const line1 = page.getByRole('region', { name: '1. Vinculación con instituciones académicas' });
    await line1.getByRole('button', { name: 'Agregar un objetivo a la línea 1' }).click();
    dialog = page.getByRole('dialog', { name: 'Agregar un objetivo a la línea 1' });
    await expect(dialog.getByLabel(labelled('Letra del objetivo')).inputValue()).resolves.toBe('A');
    await dialog.getByLabel(labelled('Objetivo')).fill('Realizar foros con universidades');
    await expectAccessible(page, 'formulario de objetivo');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await line1.getByRole('button', { name: 'Agregar un objetivo a la línea 1' }).click();
    dialog = page.getByRole('dialog', { name: 'Agregar un objetivo a la línea 1' });
    await expect(dialog.getByLabel(labelled('Letra del objetivo')).inputValue()).resolves.toBe('B');
    await dialog.getByLabel(labelled('Objetivo')).fill('Dar pláticas sobre el voto en las universidades');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await line1.getByText('B) Dar pláticas sobre el voto en las universidades').waitFor();

    await line1.getByRole('button', { name: 'Agregar una meta a 1.A' }).click();
    dialog = page.getByRole('dialog', { name: 'Agregar una meta a 1.A' });
    await dialog.getByLabel(labelled('Meta')).fill('Realización de al menos 2 foros universitarios');
    await dialog.getByLabel(labelled('Fin del periodo de la meta')).fill('31/12/2024');
    await dialog.getByLabel(labelled('Cantidad mínima')).fill('2');
    await dialog.getByLabel(labelled('Unidad')).fill('foros');
    await expectAccessible(page, 'formulario de meta');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect
      .poll(() => fieldError(dialog.getByLabel(labelled('Fin del periodo de la meta'))))
      .toBe('El periodo termina antes de empezar');
    await dialog.getByLabel(labelled('Fin del periodo de la meta')).fill('30/06/2025');
    await dialog.getByLabel(labelled('Unidad')).click();
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await line1
      .getByRole('progressbar', { name: 'Avance de «Realización de al menos 2 foros universitarios»: 0 %' })
      .waitFor({ state: 'attached' });
    await line1.getByText('0 de 2 foros').waitFor();
    await expectAccessible(page, 'programa nuevo con su estructura');
    expect(errors).toEqual([]);
  });

  it('records an activity on a list of days (an impossible day refused), with evidence; the target advances and a reason is stated', async () => {
    await page.goto('/programa/actividades?periodo=2025-T1');
    await page.getByRole('heading', { level: 1, name: 'Actividades' }).waitFor();
    await page.getByText('No hay actividades con esos filtros.').waitFor();
    await page.getByRole('button', { name: 'Registrar actividad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar actividad' });
    await choose(dialog, 'Objetivo', '1.A Realizar foros con universidades', '1.A');
    await choose(dialog, 'Tipo', 'Foro');
    await dialog.getByLabel(labelled('Actividad')).fill('Foro universitario sobre participación ciudadana');
    await dialog.getByText('Lista de días', { exact: true }).click();
    const days = dialog.getByLabel(labelled('Días'));
    await days.fill('27/02/2025');
    await days.press('Enter');
    await days.fill('30/02/2025');
    await days.press('Enter');
    await choose(
      dialog,
      'Agregar institución contraparte',
      'Instituto Nacional Electoral (INE)',
      'Instituto Nacional',
    );
    await dialog.getByRole('listitem').filter({ hasText: 'Instituto Nacional Electoral (INE)' }).waitFor();
    await choose(dialog, 'Agregar participante', 'Erika Estrada Ruíz', 'Erika');
    await choose(dialog, 'Papel de Erika Estrada Ruíz', 'A cargo');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'memoria-del-foro.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 memoria'),
    });
    await dialog.getByText('memoria-del-foro.pdf').waitFor();
    await expectAccessible(page, 'actividad con lista de días, participantes y evidencia');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect
      .poll(() => fieldError(days))
      .toBe('El 30 de febrero de 2025 no existe: febrero de 2025 tiene 28 días');
    await expectAccessible(page, 'día inexistente rechazado');

    // The impossible day was the last one typed: Backspace takes it out of the list.
    await days.click();
    await days.press('Backspace');
    await days.fill('28/02/2025');
    await days.press('Enter');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: 'Actividades' });
    const row = table
      .getByRole('row')
      .filter({ hasText: 'Foro universitario sobre participación ciudadana' });
    await row.getByText('27 y 28 de febrero de 2025').waitFor();
    await row.getByText('INE').waitFor();
    await row.getByRole('link', { name: 'memoria-del-foro.pdf' }).waitFor();
    await expectAccessible(page, 'actividad registrada con su evidencia');

    // The participant and the evidence are there when the activity is opened again.
    await row.getByRole('button', { name: /^Editar «Foro universitario/ }).click();
    const edit = page.getByRole('dialog', { name: 'Modificar actividad' });
    await edit.getByText('Erika Estrada Ruíz', { exact: true }).waitFor();
    await expect(edit.getByLabel(labelled('Papel de Erika Estrada Ruíz')).inputValue()).resolves.toBe(
      'A cargo',
    );
    await edit.getByRole('link', { name: 'memoria-del-foro.pdf' }).waitFor();
    await edit.getByRole('button', { name: 'Cancelar' }).click();
    await edit.waitFor({ state: 'detached' });

    await page.goto('/programa?periodo=2025-T1');
    const line1 = page.getByRole('region', { name: '1. Vinculación con instituciones académicas' });
    await line1
      .getByRole('progressbar', { name: 'Avance de «Realización de al menos 2 foros universitarios»: 50 %' })
      .waitFor();
    await line1.getByText('1 de 2 foros').waitFor();

    // 1.B and line 2 had no activity in the quarter: a reason is stated for 1.B.
    const alert = page.getByRole('alert').filter({ hasText: 'sin actividad ni motivo' });
    await alert.getByText('Dar pláticas sobre el voto en las universidades').waitFor();
    await alert.getByRole('button', { name: 'Declarar motivo de 1.B' }).click();
    const reason = page.getByRole('dialog', { name: 'Motivo de 1.B sin actividad en el periodo' });
    await reason.getByLabel(labelled('Motivo')).fill('Las universidades estaban en periodo vacacional.');
    await expectAccessible(page, 'motivo de 1.B');
    await reason.getByRole('button', { name: 'Guardar cambios' }).click();
    await reason.waitFor({ state: 'detached' });
    await line1.getByText('Motivo declarado: Las universidades estaban en periodo vacacional.').waitFor();
    await expect(alert.getByRole('button', { name: 'Declarar motivo de 1.B' }).count()).resolves.toBe(0);
    await alert.getByRole('button', { name: 'Declarar motivo de 2' }).waitFor();
    await expectAccessible(page, 'programa con avance y motivo');

    // A reason withdrawn (after confirming) puts 1.B back among the unexplained objectives.
    await line1.getByRole('button', { name: 'Retirar el motivo de 1.B' }).click();
    const confirm = page.getByRole('dialog', { name: 'Retirar' });
    await expectAccessible(page, 'confirmación de retiro del motivo');
    await confirm.getByRole('button', { name: 'Retirar' }).click();
    await confirm.waitFor({ state: 'detached' });
    await alert.getByRole('button', { name: 'Declarar motivo de 1.B' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the publications with their missing issues', async () => {
    await nav().getByRole('link', { name: 'Publicaciones' }).click();
    await page.getByRole('heading', { level: 1, name: 'Publicaciones' }).waitFor();
    await page.goto('/programa/publicaciones?periodo=2024-T1');
    const bulletin = page.getByRole('region', { name: 'Boletín Electoral' });
    await bulletin.getByText('semana del 4 al 10 de marzo de 2024').waitFor();
    await expect(bulletin.getByRole('table').locator('tbody tr').count()).resolves.toBe(12);
    await expectAccessible(page, 'publicaciones');

    // The missing week's issue, with its file and distribution: the week is no longer flagged.
    const form = bulletin.getByRole('form', { name: 'Registrar un número de Boletín Electoral' });
    await form.getByLabel(labelled('Título')).fill('Boletín Electoral de la semana del 4 de marzo');
    await form.getByLabel(labelled('Distribución')).fill('Correo institucional a las consejerías');
    await form.locator('input[type="file"]').setInputFiles({
      name: 'boletin-2024-03-06.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 boletin'),
    });
    await form.getByLabel(labelled('Fecha')).fill('06/03/2024');
    await form.getByLabel(labelled('Título')).click();
    await expectAccessible(page, 'número con archivo');
    await form.getByRole('button', { name: 'Registrar número' }).click();
    await bulletin.getByRole('link', { name: 'boletin-2024-03-06.pdf' }).waitFor();
    await expect.poll(() => bulletin.getByRole('table').locator('tbody tr').count()).toBe(13);
    await expect(bulletin.getByRole('table').textContent()).resolves.toContain(
      'Correo institucional a las consejerías',
    );
    await expect.poll(() => bulletin.getByText('semana del 4 al 10 de marzo de 2024').count()).toBe(0);

    // Corrected: date, number, title and distribution, and its file taken off.
    await bulletin
      .getByRole('button', { name: 'Corregir «Boletín Electoral de la semana del 4 de marzo»' })
      .click();
    const correct = page.getByRole('dialog', {
      name: 'Corregir «Boletín Electoral de la semana del 4 de marzo»',
    });
    await correct.getByLabel(labelled('Fecha')).fill('08/03/2024');
    await correct.getByLabel(labelled('Núm.')).fill('10');
    await correct.getByLabel(labelled('Título')).fill('Boletín Electoral 10');
    await correct.getByLabel(labelled('Distribución')).fill('Micrositio');
    await correct.getByLabel('Quitar el archivo boletin-2024-03-06.pdf').check();
    await expectAccessible(page, 'corrección de un número');
    await correct.getByRole('button', { name: 'Guardar cambios' }).click();
    await correct.waitFor({ state: 'detached' });
    const corrected = bulletin.getByRole('row', { name: /Boletín Electoral 10/ });
    await expect.poll(() => corrected.textContent()).toContain('Micrositio');
    await expect(corrected.textContent()).resolves.toMatch(/^10/);
    await expect(bulletin.getByRole('link', { name: 'boletin-2024-03-06.pdf' }).count()).resolves.toBe(0);
    await expect.poll(() => bulletin.getByText('semana del 4 al 10 de marzo de 2024').count()).toBe(0);

    // Removed again (after confirming): the week is flagged once more.
    await bulletin.getByRole('button', { name: 'Eliminar el número «Boletín Electoral 10»' }).click();
    const confirm = page.getByRole('dialog', { name: 'Eliminar número' });
    await expectAccessible(page, 'confirmación de eliminación de un número');
    await confirm.getByRole('button', { name: 'Eliminar' }).click();
    await confirm.waitFor({ state: 'detached' });
    await bulletin.getByText('semana del 4 al 10 de marzo de 2024').waitFor();
    expect(errors).toEqual([]);
  });

  it('lists the reviews of the INE plan (SSPELO) and records one', async () => {
    await nav().getByRole('link', { name: 'Seguimiento al plan del INE' }).click();
    await page.getByRole('heading', { level: 1, name: 'Seguimiento al plan integral del INE' }).waitFor();
    await page.goto('/programa/seguimiento-ine?periodo=2024-T1');
    await page.getByText('11 revisiones en el periodo').waitFor();
    const table = page.getByRole('table', { name: 'Seguimiento al plan integral del INE' });
    await expect(table.locator('tbody tr').count()).resolves.toBe(11);
    await expectAccessible(page, 'revisiones del plan integral');
    await page.getByRole('button', { name: 'Registrar revisión' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar revisión' });
    // The last review's objective and system are proposed again.
    await expect(dialog.getByLabel(labelled('Objetivo')).inputValue()).resolves.toMatch(/^1\.C /);
    await expect(dialog.getByLabel(labelled('Sistema o plan revisado')).inputValue()).resolves.toContain(
      'SSPELO',
    );
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect
      .poll(() => fieldError(dialog.getByLabel(labelled('Qué cambió'))))
      .toBe('Este campo es obligatorio');
    await dialog.getByLabel(labelled('Fecha de la revisión')).fill('28/03/2024');
    await dialog
      .getByLabel(labelled('Qué cambió'))
      .fill('Se actualizaron las fechas de los cómputos distritales en el Plan Integral');
    await expectAccessible(page, 'formulario de revisión');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('12 revisiones en el periodo').waitFor();
    await expect(table.textContent()).resolves.toContain(
      'Se actualizaron las fechas de los cómputos distritales',
    );
    expect(errors).toEqual([]);
  });

  it('lets an administrator add an activity kind (a repeated name refused)', async () => {
    const adminContext = await newContext(browser, app.url);
    const admin = await adminContext.newPage();
    const adminErrors = watchErrors(admin);
    try {
      await signIn(admin, 'admin@iecm.demo');
      await admin.goto('/programa/actividades');
      await admin.getByRole('button', { name: 'Tipos de actividad' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Tipos de actividad' });
      await dialog.getByRole('cell', { name: 'Listado de seguimiento' }).waitFor();
      await dialog.getByLabel(labelled('Nombre')).fill('Visita guiada');
      await expect(dialog.getByLabel(labelled('Clave')).getAttribute('placeholder')).resolves.toBe(
        'visita_guiada',
      );
      await expectAccessible(admin, 'tipos de actividad');
      await dialog.getByRole('button', { name: 'Agregar tipo' }).click();
      await dialog.getByRole('cell', { name: 'visita_guiada' }).waitFor();
      await dialog.getByLabel(labelled('Nombre')).fill('Visita guiada');
      await dialog.getByLabel(labelled('Clave')).fill('visita_guiada_2');
      await dialog.getByRole('button', { name: 'Agregar tipo' }).click();
      await expect
        .poll(() => fieldError(dialog.getByLabel(labelled('Nombre'))))
        .toBe('Ya existe un tipo de actividad con ese nombre');
      await dialog.getByRole('button', { name: 'Cerrar' }).first().click();
      await dialog.waitFor({ state: 'detached' });
      // The new kind is offered when recording an activity.
      await admin.getByRole('button', { name: 'Registrar actividad' }).click();
      await choose(admin.getByRole('dialog', { name: 'Registrar actividad' }), 'Tipo', 'Visita guiada');
      expect(adminErrors).toEqual([]);
    } finally {
      await adminContext.close();
    }
  });

  it('links the 2025 program to its agreement, and removes an objective and a line (one in use refused, naming why)', async () => {
    await page.goto('/programa?periodo=2025-T1');
    await page.getByRole('heading', { level: 1, name: 'Programa de trabajo' }).waitFor();
    await page.getByText('Aprobado mediante el Acuerdo CVOE/001/2025').waitFor();
    await page.getByRole('button', { name: 'Modificar programa' }).click();
    let dialog = page.getByRole('dialog', { name: 'Modificar programa' });
    // The agreement is searched among the governance agreements by words of its title.
    await choose(
      dialog,
      'Acuerdo de aprobación',
      'CVOE/003/2023 — Aprobación del Programa Específico de Vinculación 2024.',
      'programa especifico',
    );
    // Its adoption date becomes the approval date; the text number gives way to the link.
    await expect
      .poll(() => dialog.getByLabel(labelled('Fecha de aprobación')).inputValue())
      .toBe('11/09/2023');
    await expect(
      dialog.getByLabel(labelled('Número del acuerdo, si no está registrado')).isDisabled(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'programa con su acuerdo');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Aprobado mediante el Acuerdo CVOE/003/2023 del 11 sep 2023').waitFor();

    // 1.A has an activity and a target: refused, saying so in the dialog.
    const line1 = page.getByRole('region', { name: '1. Vinculación con instituciones académicas' });
    await line1.getByRole('button', { name: 'Eliminar el objetivo 1.A' }).click();
    dialog = page.getByRole('dialog', { name: 'Eliminar el objetivo 1.A' });
    await dialog.getByRole('button', { name: 'Eliminar' }).click();
    await expect
      .poll(() => dialog.textContent())
      .toContain('No se puede eliminar el objetivo 1.A: tiene 1 actividad y 1 meta.');
    await expectAccessible(page, 'objetivo que no puede eliminarse');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();

    // 1.B has nothing: it goes; 1.A keeps its letter.
    await line1.getByRole('button', { name: 'Eliminar el objetivo 1.B' }).click();
    dialog = page.getByRole('dialog', { name: 'Eliminar el objetivo 1.B' });
    await dialog.getByRole('button', { name: 'Eliminar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await line1
      .getByText('B) Dar pláticas sobre el voto en las universidades')
      .waitFor({ state: 'detached' });
    await line1.getByText('A) Realizar foros con universidades').waitFor();

    // Line 2 has nothing either; afterwards the form proposes its number again.
    await page
      .getByRole('region', { name: '2. Difusión en el extranjero' })
      .getByRole('button', { name: 'Eliminar la línea 2' })
      .click();
    dialog = page.getByRole('dialog', { name: 'Eliminar la línea 2' });
    await dialog.getByRole('button', { name: 'Eliminar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('heading', { level: 2, name: '2. Difusión en el extranjero' })
      .waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Agregar línea' }).click();
    dialog = page.getByRole('dialog', { name: 'Agregar línea' });
    await expect(dialog.getByLabel(labelled('Número de la línea')).inputValue()).resolves.toBe('2');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await expectAccessible(page, 'programa tras eliminar');

    // An activity relates to a governance agreement, chosen the same way; shown when reopened.
    await page.goto('/programa/actividades?periodo=2025-T1');
    const forum = page
      .getByRole('table', { name: 'Actividades' })
      .getByRole('row')
      .filter({ hasText: 'Foro universitario sobre participación ciudadana' });
    await forum.getByRole('button', { name: /^Editar «Foro universitario/ }).click();
    dialog = page.getByRole('dialog', { name: 'Modificar actividad' });
    await choose(
      dialog,
      'Acuerdo relacionado',
      'CVOE/003/2023 — Aprobación del Programa Específico de Vinculación 2024.',
      'CVOE/003',
    );
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.waitFor({ state: 'detached' });
    await forum.getByRole('button', { name: /^Editar «Foro universitario/ }).click();
    dialog = page.getByRole('dialog', { name: 'Modificar actividad' });
    await expect
      .poll(() =>
        dialog
          .locator('input:not([type="hidden"])')
          .and(dialog.getByLabel(labelled('Acuerdo relacionado')))
          .inputValue(),
      )
      .toBe('CVOE/003/2023');
    await expectAccessible(page, 'actividad con su acuerdo');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    expect(errors).toEqual([]);
  });
});
