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

// The agreements register as the DVOE uses it: the tree of the IECM–INE framework agreement, a new
// instrument with its parties, a review decision and an opinion of pertinence drafted and issued.
// The tests run in order: the instrument registered in the second is reviewed and opined on later.

let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

const ROOT =
  'Convenio General de Coordinación y Colaboración entre el IECM y el Instituto Nacional Electoral (INE)';
const SUBJECT = 'entre el IECM y el INE para la prueba de navegador';
const TITLE = `Convenio de Colaboración ${SUBJECT}`;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
  context = await newContext(browser, app.url);
  page = await context.newPage();
  errors = watchErrors(page);
  await signIn(page, 'enlace@iecm.demo');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Navegación principal' });

describe('agreements register', () => {
  it('browses the tree of the IECM–INE framework agreement down to its addenda', async () => {
    await nav().getByRole('link', { name: 'Convenios', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Convenios' }).waitFor();
    await expect
      .poll(() => page.getByRole('table', { name: 'Instrumentos jurídicos' }).isVisible())
      .toBe(true);
    await expectAccessible(page, 'lista de convenios');

    await page.getByRole('radiogroup', { name: 'Vista' }).getByText('Árbol').click();
    await page.getByRole('tree', { name: 'Árbol' }).waitFor();
    // The roots of the register run to pages; a search narrows them to the framework agreement.
    await page.goto(
      `/convenios/instrumentos?vista=arbol&q=${encodeURIComponent('coordinacion y colaboracion instituto nacional electoral')}`,
    );
    const tree = page.getByRole('tree', { name: 'Árbol' });
    const expand = (title: string) =>
      tree.getByRole('button', { name: `Mostrar los instrumentos derivados de ${title}`, exact: true });
    await expand(ROOT).waitFor();
    await expand(ROOT).click();
    const annex = `Anexo Técnico Número Uno al ${ROOT}`;
    await tree
      .getByRole('button', { name: `Mostrar los instrumentos derivados de ${annex}`, exact: true })
      .click();
    const financial = `Anexo Financiero del Anexo Técnico Número Uno al ${ROOT}`;
    await expand(financial).click();
    const addendum = tree.getByRole('link', { name: `Adenda Número Dos al ${financial}`, exact: true });
    await addendum.waitFor();
    await expectAccessible(page, 'árbol de convenios');

    await addendum.click();
    await page.getByRole('heading', { level: 1, name: `Adenda Número Dos al ${financial}` }).waitFor();
    // The chain leads back to the root, each link with its derived title.
    for (const title of [ROOT, annex, financial]) {
      await page.getByRole('link', { name: title, exact: true }).waitFor();
    }
    await expectAccessible(page, 'detalle de adenda');
    expect(errors).toEqual([]);
  });

  it('registers an instrument with its parties, refusing a validity that ends before it starts', async () => {
    await page.goto('/convenios/instrumentos');
    await page.getByRole('button', { name: 'Registrar instrumento' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar un instrumento' });
    await dialog.waitFor();
    await choose(dialog, 'Tipo de instrumento', 'Convenio de Colaboración');
    await dialog.getByLabel(labelled('Partes en el título')).fill(SUBJECT);
    // After each pick, leave the multi-select so that its list no longer covers the next fields.
    const leave = () => dialog.getByLabel(labelled('Partes en el título')).click();
    await choose(dialog, 'Partes', 'Instituto Nacional Electoral (INE)', 'Instituto Nacional');
    await leave();
    await choose(dialog, 'Partes', 'Instituto Electoral del Estado de México (IEEM)', 'Estado de México');
    await leave();
    await choose(
      dialog,
      'Áreas responsables',
      'Dirección de Vinculación con Organismos Externos (DVOE)',
      'Vinculación',
    );
    await leave();
    await choose(dialog, 'Estado', 'Vigente');
    await dialog.getByLabel(labelled('Fecha de firma')).fill('15/04/2024');
    await dialog.getByLabel(labelled('Inicio de vigencia')).fill('15/04/2024');
    const until = dialog.getByLabel(labelled('Término de vigencia'));
    await until.fill('14/04/2024');
    await dialog.getByLabel(labelled('Partes en el título')).click();
    await expectAccessible(page, 'registro de instrumento');
    await dialog.getByRole('button', { name: 'Registrar', exact: true }).click();
    await expect.poll(() => fieldError(until)).toBe('La vigencia no puede terminar antes de comenzar');

    await until.fill('31/12/2026');
    await dialog.getByLabel(labelled('Partes en el título')).click();
    await dialog.getByRole('button', { name: 'Registrar', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // The new instrument opens, rather than the register where it sits pages away.
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/convenios\/instrumentos\/[0-9a-f-]{36}$/);
    await page.goBack();
    await page.getByRole('searchbox', { name: 'Buscar' }).fill('prueba de navegador');
    const table = page.getByRole('table', { name: 'Instrumentos jurídicos' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await expect(table.locator('tbody tr').innerText()).resolves.toMatch(/INE, IEEM/);
    await table.getByRole('link', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page
      .getByText('La organización; Instituto Nacional Electoral; Instituto Electoral del Estado de México')
      .waitFor();
    await page.getByText('Próximo aviso de vencimiento').waitFor();
    await page.getByRole('heading', { name: 'Avisos enviados' }).waitFor();

    // A renewal moves the end of validity, kept in the history.
    await page.getByLabel(labelled('Fecha de la renovación')).fill('01/06/2024');
    await page.getByLabel(labelled('Nuevo término de vigencia')).fill('31/12/2027');
    await page.getByLabel(labelled('Nota')).first().fill('Prórroga de un año');
    await page.getByRole('button', { name: 'Registrar renovación' }).click();
    await page.getByText('1 jun 2024: término de 31 dic 2026 a 31 dic 2027 — Prórroga de un año').waitFor();

    // A commitment owed by a party, with a dated follow-up that fulfils it.
    await choose(page, 'Responsable', 'Instituto Nacional Electoral');
    await page.getByLabel(labelled('Compromiso')).fill('Entregar la lista nominal');
    await page.getByRole('button', { name: 'Agregar compromiso' }).click();
    const commitments = page.getByRole('table', { name: 'Compromisos' });
    await commitments.getByText('Entregar la lista nominal').waitFor();
    await page.getByLabel('Fecha del seguimiento de Entregar la lista nominal').fill('10/06/2024');
    await page
      .getByLabel('Seguimiento de Entregar la lista nominal', { exact: true })
      .fill('Se recibió la lista');
    await commitments.getByRole('checkbox', { name: 'Cumplido' }).check();
    await commitments.getByRole('button', { name: 'Registrar seguimiento' }).click();
    await commitments.getByText('10 jun 2024: Se recibió la lista').waitFor();
    await expectAccessible(page, 'detalle de instrumento');
    expect(errors).toEqual([]);
  });

  it('records a review decision on the review screen and counts it in its month', async () => {
    await page.goto('/');
    await nav().getByRole('link', { name: 'Revisiones de convenios' }).click();
    await page.getByRole('heading', { level: 1, name: 'Revisiones periódicas' }).waitFor();
    await page.getByLabel(labelled('Periodo (AAAA-MM)')).fill('2024-05');
    await page.getByLabel(labelled('Título')).fill('Revisión de mayo de 2024');
    await page.getByLabel(labelled('Fecha de apertura')).fill('02/05/2024');
    await page.getByLabel(labelled('Título')).click();
    await page.getByRole('button', { name: 'Abrir revisión' }).click();
    await choose(page, 'Revisión', '2024-05 · Revisión de mayo de 2024');
    await page.getByLabel(labelled('Fecha de las decisiones')).fill('20/05/2024');
    await page.getByRole('heading', { level: 1 }).click();
    const decision = page.getByRole('radiogroup', { name: `Decisión sobre ${TITLE}` });
    await decision.getByText('Renegociar').click();
    await page.getByText(/^1 instrumentos actualizados\. 2024-05: 1$/).waitFor();
    await expect.poll(() => decision.getByRole('radio', { name: 'Renegociar' }).isChecked()).toBe(true);
    await expectAccessible(page, 'revisión periódica');

    // The decision moved the instrument to "Por renegociar".
    await page.goto('/convenios/instrumentos?q=prueba%20de%20navegador');
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Instrumentos jurídicos' }).locator('tbody tr').textContent(),
      )
      .toContain('Por renegociar');
    expect(errors).toEqual([]);
  });

  it('requests an opinion, saves a draft and issues it with the next number of the year', async () => {
    await page.goto('/');
    await nav().getByRole('link', { name: 'Opiniones de pertinencia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opiniones de pertinencia' }).waitFor();
    await page.getByRole('button', { name: 'Solicitar opinión' }).click();
    const request = page.getByRole('dialog', { name: 'Solicitar una opinión de pertinencia' });
    await choose(request, 'Instrumento jurídico opinado', TITLE, 'prueba de navegador');
    await choose(
      request,
      'Áreas solicitantes',
      'Dirección de Vinculación con Organismos Externos (DVOE)',
      'Vinculación',
    );
    await request.getByLabel(labelled('Solicitada')).fill('21/05/2024');
    await request.getByRole('button', { name: 'Solicitar opinión' }).click();
    await request.waitFor({ state: 'detached' });

    const work = page.getByRole('button', { name: `Redactar y emitir la opinión sobre ${TITLE}` });
    await work.click();
    let dialog = page.getByRole('dialog', { name: 'Emitir la opinión de pertinencia' });
    await dialog.getByLabel(labelled('Texto de la opinión')).fill('Se considera pertinente la suscripción.');
    await dialog.getByRole('button', { name: 'Guardar borrador' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Borrador guardado' }).waitFor();
    await expectAccessible(page, 'redacción de opinión');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The draft was kept by the server: reopening shows it.
    await work.click();
    dialog = page.getByRole('dialog', { name: 'Emitir la opinión de pertinencia' });
    await expect(dialog.getByLabel(labelled('Texto de la opinión')).inputValue()).resolves.toBe(
      'Se considera pertinente la suscripción.',
    );
    await dialog.getByLabel(labelled('Fecha de emisión')).fill('24/05/2024');
    await dialog.getByLabel(labelled('Texto de la opinión')).click();
    await dialog.getByRole('button', { name: 'Emitir', exact: true }).click();
    // Issuing takes the year's next number and fixes the text: it asks first, naming that.
    const confirm = page.getByRole('dialog', { name: '¿Emitir la opinión?' });
    await confirm.getByText(/tomará el siguiente número de 2024 y su texto quedará fijo/).waitFor();
    await expectAccessible(page, 'confirmación para emitir una opinión');
    await confirm.getByRole('button', { name: 'Emitir', exact: true }).click();
    // Then it shows the number and the document to download.
    const issued = page.getByRole('dialog', { name: 'Opinión emitida' });
    await issued.getByText(/^Se emitió la opinión IECM\/SE\/DVOE\/OP\/15\/2024 sobre/).waitFor();
    const download = page.waitForEvent('download');
    await issued.getByRole('button', { name: 'Descargar la opinión IECM/SE/DVOE/OP/15/2024 en PDF' }).click();
    expect((await download).suggestedFilename()).toBe('opinion-IECM-SE-DVOE-OP-15-2024.pdf');
    await issued.getByRole('button', { name: 'Volver a las opiniones' }).click();
    await issued.waitFor({ state: 'detached' });

    const table = page.getByRole('table', { name: 'Opiniones de pertinencia' });
    const row = table.locator('tbody tr', { hasText: TITLE });
    await expect.poll(() => row.innerText()).toContain('IECM/SE/DVOE/OP/15/2024');
    await expectAccessible(page, 'opiniones de pertinencia');
    expect(errors).toEqual([]);
  });

  it('counts the accompaniment of negotiations of the quarter as the report does', async () => {
    await page.goto('/');
    await nav().getByRole('link', { name: 'Acompañamiento en negociaciones' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acompañamiento en negociaciones' }).waitFor();
    await page.goto('/convenios/acompanamiento?desde=2024-01-01&hasta=2024-03-31');
    await page.getByText('7 actividades con 3 instituciones en el periodo.').waitFor();
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Actividades de acompañamiento' }).locator('tbody tr').count(),
      )
      .toBe(7);
    await expectAccessible(page, 'acompañamiento en negociaciones');
    expect(errors).toEqual([]);
  });

  it('shows the alerts page with the schedule settings and the ledger', async () => {
    await page.goto('/');
    await nav().getByRole('link', { name: 'Alertas de vencimiento' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alertas de vencimiento' }).waitFor();
    await page.getByText(/El primer aviso sale \d+ días antes del término vigente/).waitFor();
    await page.getByRole('heading', { name: 'Avisos enviados' }).waitFor();
    await expectAccessible(page, 'alertas de vencimiento');
    expect(errors).toEqual([]);
  });
  it('imports a register spreadsheet: the dry run row by row, a refused row, then the import and the same file again', async () => {
    const imported = 'Convenio de Colaboración entre el IECM y el IEEM para la importación de prueba';
    const header =
      'Instrumento,Tipo,Partes,Áreas responsables,Objeto,Fecha de firma,Inicio de vigencia,Término de vigencia,Estado,Opinión de pertinencia,Fecha de la opinión';
    const good = `${header}\n${imported},Convenio de Colaboración,IECM | IEEM,DVOE,,10/06/2024,10/06/2024,Indefinida,Vigente,IECM/SE/DVOE/OP/40/2024,03/06/2024\n`;
    const bad = good + `Otro convenio,Convenio de Colaboración,IEEM,DVOE,,31/02/2024,,,Vigente,,\n`;
    const upload = async (text: string) => {
      const dialog = page.getByRole('dialog', { name: 'Importar el registro de instrumentos' });
      await dialog.locator('input[type="file"]').setInputFiles({
        name: 'registro.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });
      await dialog.getByRole('button', { name: 'Revisar el archivo' }).click();
      return dialog;
    };
    await page.goto('/convenios/instrumentos');
    await page.getByRole('button', { name: 'Importar', exact: true }).click();

    let dialog = await upload(bad);
    const rows = dialog.getByRole('table', { name: 'Resultado de cada fila del archivo' });
    await rows.getByText('El 31 de febrero de 2024 no existe').waitFor();
    await expect(rows.locator('tbody tr').nth(0).innerText()).resolves.toMatch(
      /2\s+Convenio de Colaboración.*Se creará/is,
    );
    await expect(rows.locator('tbody tr').nth(1).innerText()).resolves.toMatch(
      /3\s+Otro convenio\s+Rechazada\s+Fecha de firma:/i,
    );
    await expect(dialog.getByRole('button', { name: 'Importar 1 fila' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'revisión de la importación');

    await dialog.getByRole('button', { name: 'Elegir otro archivo' }).click();
    dialog = await upload(good);
    await dialog.getByText('1 se creará').waitFor();
    await dialog.getByRole('button', { name: 'Importar 1 fila' }).click();
    await dialog.getByText('Importación terminada').waitFor();
    await dialog.getByText('1 creado', { exact: true }).waitFor();
    // The dialog's own button (its corner's close button has the same name).
    await dialog.getByRole('button', { name: 'Cerrar', exact: true }).filter({ hasText: 'Cerrar' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('searchbox', { name: 'Buscar' }).fill('importacion de prueba');
    const table = page.getByRole('table', { name: 'Instrumentos jurídicos' });
    await table.getByRole('link', { name: imported, exact: true }).waitFor();

    // The same file again: nothing to import.
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    dialog = await upload(good);
    await dialog.getByText('El archivo coincide con lo registrado: no hay nada que importar.').waitFor();
    await dialog.getByText('1 sin cambios').waitFor();
    await expect(dialog.getByRole('button', { name: 'Importar 0 filas' }).isDisabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });
});
