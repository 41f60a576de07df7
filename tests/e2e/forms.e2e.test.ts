import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  fieldError,
  labelled,
  launchBrowser,
  newContext,
  signIn,
  watchErrors,
} from '../support/e2e-browser';
import { machineTextIn } from '../support/human-messages';
import { startTestApp, type TestApp } from '../support/test-app';

// Every create and edit form of the app, tried as a new user would: submitted empty (an edit form
// with its text fields cleared), and with an impossible date where it has one. Each message shown
// must come from the Spanish map: no enum code, sign, format mask, library wording or English word,
// and the impossible date is refused on its field, never saved (the dialog stays open). Where a case
// has a valid entry, it is then saved and the saved record is looked for. Forms on a page of their
// own (not in a dialog) name where they are (`inline`).

type FormCase = {
  form: string;
  user: 'enlace@iecm.demo' | 'admin@iecm.demo';
  open: (page: Page) => Promise<void>;
  /** An edit form: its text fields are cleared before submitting. */
  edit?: boolean;
  /** The label of a date field. */
  date?: string;
  /** A form on a page rather than in a dialog: where it is once open. */
  inline?: (page: Page) => Locator;
  /** In place of emptying the form: what makes it wrong (a form whose every field may be empty). */
  invalid?: (form: Locator) => Promise<void>;
  /** A valid entry, saved after the refusals, and how the saved record shows. */
  valid?: { fill: (form: Locator, page: Page) => Promise<void>; saved: (page: Page) => Promise<void> };
};

const main = (page: Page) => page.getByRole('main');
const CVOE = 'Comisión Provisional de Vinculación con Organismos Externos';

/** The notification (or any text) that says what was saved. */
const shows = (text: string | RegExp) => (page: Page) => page.getByText(text).first().waitFor();

async function openBody(page: Page, tab?: string) {
  await page.goto('/gobierno');
  await page.getByRole('link', { name: new RegExp(CVOE) }).click();
  await page.getByRole('heading', { level: 1, name: CVOE }).waitFor();
  if (tab) await page.getByRole('tab', { name: tab }).click();
}

/** Picks the first option a select offers (the demo's records, whichever comes first). */
async function firstOption(form: Locator, label: string) {
  await form
    .locator('input:not([type="hidden"])')
    .and(form.getByLabel(labelled(label)))
    .click({ force: true });
  await form.page().getByRole('option').first().click();
  await closeDropdowns(form);
}

/** Closes an open list or calendar by clicking the dialog's title (Escape would close the dialog). */
const closeDropdowns = (form: Locator) => form.getByRole('heading').first().click();

const pageForm = (page: Page) => main(page).locator('form').first();

async function openFirstRow(page: Page, url: string) {
  await page.goto(url);
  await main(page).getByRole('table').locator('tbody tr a').first().click();
}

const FORMS: FormCase[] = [
  {
    form: 'nueva institución',
    user: 'enlace@iecm.demo',
    open: async (page) => {
      await page.goto('/directorio/instituciones');
      await page.getByRole('button', { name: 'Registrar institución' }).click();
    },
  },
  {
    form: 'editar institución',
    user: 'enlace@iecm.demo',
    edit: true,
    open: async (page) => {
      await page.goto('/directorio/instituciones');
      await main(page)
        .getByRole('button', { name: /^Editar / })
        .first()
        .click();
    },
  },
  {
    form: 'nueva área',
    user: 'enlace@iecm.demo',
    open: async (page) => {
      await page.goto('/directorio/areas');
      await page.getByRole('button', { name: 'Registrar área' }).click();
    },
  },
  {
    form: 'editar área',
    user: 'enlace@iecm.demo',
    edit: true,
    open: async (page) => {
      await openFirstRow(page, '/directorio/areas');
      await page.getByRole('button', { name: 'Editar área' }).click();
    },
  },
  {
    form: 'nueva persona',
    user: 'enlace@iecm.demo',
    open: async (page) => {
      await page.goto('/directorio/personas');
      await page.getByRole('button', { name: 'Registrar persona' }).click();
    },
  },
  {
    form: 'editar persona',
    user: 'enlace@iecm.demo',
    edit: true,
    open: async (page) => {
      await openFirstRow(page, '/directorio/personas');
      await page.getByRole('button', { name: 'Editar datos' }).click();
    },
  },
  {
    form: 'nuevo cargo',
    user: 'enlace@iecm.demo',
    date: 'Desde',
    open: async (page) => {
      await openFirstRow(page, '/directorio/personas');
      await page.getByRole('button', { name: 'Agregar cargo' }).click();
    },
  },
  {
    form: 'nueva sesión',
    user: 'enlace@iecm.demo',
    date: 'Fecha',
    open: async (page) => {
      await page.goto('/gobierno');
      await page.getByRole('link', { name: new RegExp(CVOE) }).click();
      await page.getByRole('button', { name: 'Registrar sesión' }).click();
    },
  },
  {
    form: 'nuevo mandato',
    user: 'enlace@iecm.demo',
    date: 'Plazo',
    open: async (page) => {
      await page.goto('/gobierno/seguimiento');
      await page.getByRole('button', { name: 'Registrar mandato' }).click();
    },
  },
  {
    form: 'nueva actividad',
    user: 'enlace@iecm.demo',
    open: async (page) => {
      await page.goto('/programa/actividades');
      await page.getByRole('button', { name: 'Registrar actividad' }).click();
    },
  },
  {
    form: 'nuevo folio',
    user: 'enlace@iecm.demo',
    open: async (page) => {
      await page.goto('/canal/folios');
      await page.getByRole('button', { name: 'Nuevo folio' }).click();
    },
  },
  {
    form: 'editar actividad',
    user: 'enlace@iecm.demo',
    edit: true,
    open: async (page) => {
      await page.goto('/programa/actividades?periodo=2024-T1');
      await main(page)
        .getByRole('button', { name: /^Editar «/ })
        .first()
        .click();
    },
  },
  {
    form: 'editar programa',
    user: 'enlace@iecm.demo',
    edit: true,
    date: 'Fecha de aprobación',
    open: async (page) => {
      await page.goto('/programa?periodo=2024-T1');
      await page.getByRole('button', { name: 'Modificar programa' }).click();
    },
  },
  {
    form: 'nueva línea del programa',
    user: 'enlace@iecm.demo',
    open: async (page) => {
      await page.goto('/programa?periodo=2024-T1');
      await page.getByRole('button', { name: 'Agregar línea' }).click();
    },
  },
  {
    form: 'editar línea del programa',
    user: 'enlace@iecm.demo',
    edit: true,
    open: async (page) => {
      await page.goto('/programa?periodo=2024-T1');
      await page.getByRole('button', { name: 'Modificar la línea 1' }).click();
    },
  },
  {
    form: 'nuevo objetivo',
    user: 'enlace@iecm.demo',
    open: async (page) => {
      await page.goto('/programa?periodo=2024-T1');
      await page.getByRole('button', { name: 'Agregar un objetivo a la línea 1' }).click();
    },
  },
  {
    form: 'nueva meta',
    user: 'enlace@iecm.demo',
    date: 'Inicio del periodo de la meta',
    open: async (page) => {
      await page.goto('/programa?periodo=2024-T1');
      await main(page)
        .getByRole('button', { name: /^Agregar una meta a / })
        .first()
        .click();
    },
  },
  {
    form: 'nueva serie de publicaciones',
    user: 'enlace@iecm.demo',
    date: 'Se publica desde',
    open: async (page) => {
      await page.goto('/programa/publicaciones?periodo=2024-T1');
      await page.getByRole('button', { name: 'Registrar serie' }).click();
    },
  },
  {
    form: 'corregir número de una publicación',
    user: 'enlace@iecm.demo',
    edit: true,
    date: 'Fecha',
    open: async (page) => {
      await page.goto('/programa/publicaciones?periodo=2024-T1');
      await main(page)
        .getByRole('button', { name: /^Corregir «/ })
        .first()
        .click();
    },
  },
  {
    form: 'nueva revisión del plan del INE',
    user: 'enlace@iecm.demo',
    date: 'Fecha de la revisión',
    open: async (page) => {
      await page.goto('/programa/seguimiento-ine?periodo=2024-T1');
      await page.getByRole('button', { name: 'Registrar revisión' }).click();
    },
  },
  {
    form: 'nuevo instrumento jurídico',
    user: 'enlace@iecm.demo',
    date: 'Fecha de firma',
    open: async (page) => {
      await page.goto('/convenios/instrumentos');
      await page.getByRole('button', { name: 'Registrar instrumento' }).click();
    },
  },
  {
    form: 'solicitud de opinión de pertinencia',
    user: 'enlace@iecm.demo',
    date: 'Solicitada',
    open: async (page) => {
      await page.goto('/convenios/opiniones');
      await page.getByRole('button', { name: 'Solicitar opinión' }).click();
    },
    // Leaves a requested opinion for the issue form below.
    valid: {
      fill: async (form) => {
        await firstOption(form, 'Instrumento jurídico opinado');
        await firstOption(form, 'Áreas solicitantes');
        await form.getByLabel(labelled('Solicitada')).fill('21/05/2024');
        await closeDropdowns(form);
      },
      saved: shows('Opinión solicitada'),
    },
  },
  {
    form: 'emisión de una opinión de pertinencia',
    user: 'enlace@iecm.demo',
    edit: true,
    date: 'Fecha de emisión',
    open: async (page) => {
      await page.goto('/convenios/opiniones');
      await main(page)
        .getByRole('button', { name: /^Redactar y emitir la opinión sobre / })
        .first()
        .click();
    },
  },
  {
    form: 'nueva base de contactos',
    user: 'enlace@iecm.demo',
    open: async (page) => {
      await page.goto('/difusion/contactos');
      await page.getByRole('button', { name: 'Nueva base' }).click();
    },
  },
  {
    form: 'nuevo contacto',
    user: 'enlace@iecm.demo',
    open: async (page) => {
      await page.goto('/difusion/contactos');
      await page.getByRole('button', { name: 'Nuevo contacto' }).click();
    },
  },
  {
    form: 'nueva misión de acompañamiento',
    user: 'enlace@iecm.demo',
    date: 'Jornada electoral',
    open: async (page) => {
      await page.goto('/acompanamiento');
      await page.getByRole('button', { name: 'Nueva misión' }).click();
    },
  },
  {
    form: 'registro de una persona observadora',
    user: 'enlace@iecm.demo',
    date: 'Fecha del consentimiento',
    open: async (page) => {
      await page.goto('/acompanamiento');
      await page.getByRole('link', { name: 'Misión de Acompañamiento 2024' }).click();
      await page.getByRole('button', { name: 'Registrar persona' }).click();
    },
  },
  {
    form: 'actividad de la agenda de una misión',
    user: 'enlace@iecm.demo',
    date: 'Fecha',
    open: async (page) => {
      await page.goto('/acompanamiento');
      await page.getByRole('link', { name: 'Misión de Acompañamiento 2024' }).click();
      await page.getByRole('tab', { name: 'Agenda y recorrido' }).click();
      await page.getByRole('button', { name: 'Agregar a la agenda' }).click();
    },
  },
  {
    form: 'nuevo usuario',
    user: 'admin@iecm.demo',
    open: async (page) => {
      await page.goto('/administracion/usuarios');
      await page.getByRole('button', { name: 'Crear usuario' }).click();
    },
  },
  {
    form: 'editar usuario',
    user: 'admin@iecm.demo',
    edit: true,
    open: async (page) => {
      await page.goto('/administracion/usuarios');
      await main(page)
        .getByRole('button', { name: /^Acciones para / })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'Editar datos y roles' }).click();
    },
  },
  {
    form: 'nuevo órgano colegiado',
    user: 'enlace@iecm.demo',
    date: 'Fecha de creación',
    open: async (page) => {
      await page.goto('/gobierno');
      await page.getByRole('button', { name: 'Registrar órgano colegiado' }).click();
    },
    valid: {
      fill: async (form) => {
        await form.getByLabel(labelled('Nombre')).fill('Comisión de Prueba de Formularios');
        await form.getByLabel(labelled('Siglas')).fill('CPF');
        await choose(form, 'Tipo de órgano', 'Comisión provisional');
        await form.getByLabel(labelled('Fecha de creación')).fill('10/01/2024');
        await closeDropdowns(form);
      },
      saved: shows('Se registró Comisión de Prueba de Formularios'),
    },
  },
  {
    form: 'editar órgano colegiado',
    user: 'enlace@iecm.demo',
    edit: true,
    open: async (page) => {
      await openBody(page);
      await page.getByRole('button', { name: 'Editar órgano colegiado' }).click();
    },
    valid: {
      fill: async (form) => {
        await form.getByLabel(labelled('Nombre')).fill(CVOE);
      },
      saved: shows(`Se guardaron los cambios de ${CVOE}`),
    },
  },
  {
    form: 'integrante de un órgano colegiado',
    user: 'enlace@iecm.demo',
    date: 'Desde',
    open: async (page) => {
      await openBody(page, 'Integración');
      await page.getByRole('button', { name: 'Agregar integrante o invitación' }).click();
    },
    valid: {
      fill: async (form) => {
        await choose(form, 'Cargo', 'Área invitada (asiste su titular)');
        await choose(form, 'Área invitada', 'Subcontraloría', 'Subcontral');
        await form.getByLabel(labelled('Desde')).fill('01/06/2024');
        await closeDropdowns(form);
      },
      saved: shows('Se agregó el cargo a la integración'),
    },
  },
  {
    form: 'acuerdo anterior al sistema',
    user: 'enlace@iecm.demo',
    date: 'Fecha de adopción',
    open: async (page) => {
      await openBody(page, 'Acuerdos');
      await page.getByRole('button', { name: 'Registrar acuerdo anterior al sistema' }).click();
    },
    valid: {
      fill: async (form) => {
        await form.getByLabel(labelled('Número')).fill('CVOE/099/2024');
        await form.getByLabel(labelled('Fecha de adopción')).fill('15/03/2024');
        await closeDropdowns(form);
        await form.getByLabel(labelled('Acuerdo')).fill('Se aprueba el calendario de prueba.');
      },
      saved: shows('Se registró el Acuerdo CVOE/099/2024'),
    },
  },
  {
    form: 'acuerdo adoptado en una sesión',
    user: 'enlace@iecm.demo',
    open: async (page) => {
      await openBody(page);
      // The latest session: its minutes are not approved yet.
      await main(page).getByRole('table').locator('tbody tr a').last().click();
      await page.getByRole('button', { name: 'Adoptar acuerdo' }).click();
    },
  },
  {
    form: 'cambiar contraseña',
    user: 'enlace@iecm.demo',
    inline: pageForm,
    open: async (page) => {
      await page.goto('/cuenta/contrasena');
    },
  },
  {
    form: 'activar la verificación en dos pasos',
    user: 'enlace@iecm.demo',
    inline: pageForm,
    open: async (page) => {
      await page.goto('/cuenta/verificacion-en-dos-pasos');
    },
  },
  {
    form: 'calendario de alertas de vencimiento',
    user: 'admin@iecm.demo',
    edit: true,
    inline: pageForm,
    open: async (page) => {
      await page.goto('/convenios/alertas');
    },
    valid: {
      fill: async (form) => {
        await form.getByLabel(labelled('Días de anticipación')).fill('60');
        await form.getByLabel(labelled('Repetir cada (días)')).fill('15');
      },
      saved: shows('Calendario guardado'),
    },
  },
  {
    form: 'membrete',
    user: 'admin@iecm.demo',
    inline: pageForm,
    open: async (page) => {
      await page.goto('/administracion/membrete');
    },
    invalid: async (form) => {
      await form.getByLabel(labelled('Líneas del encabezado')).fill('Uno\nDos\nTres\nCuatro\nCinco');
    },
    valid: {
      fill: async (form) => {
        await form
          .getByLabel(labelled('Líneas del encabezado'))
          .fill('Instituto Electoral de la Ciudad de México');
      },
      saved: shows('Membrete guardado.'),
    },
  },
  {
    form: 'contraseña nueva de un usuario',
    user: 'admin@iecm.demo',
    open: async (page) => {
      await page.goto('/administracion/usuarios');
      await main(page)
        .getByRole('button', { name: /^Acciones para / })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'Restablecer contraseña' }).click();
    },
  },
];

let app: TestApp;
let browser: Browser;
const pages = new Map<string, { page: Page; errors: string[] }>();

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchBrowser()]);
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function pageOf(user: FormCase['user']) {
  let entry = pages.get(user);
  if (!entry) {
    const page = await (await newContext(browser, app.url)).newPage();
    entry = { page, errors: watchErrors(page) };
    await signIn(page, user);
    pages.set(user, entry);
  }
  return entry;
}

/** The messages the dialog shows now: under its fields and in its alert. */
async function messagesIn(form: Locator): Promise<string[]> {
  const texts = [
    ...(await form.locator('.mantine-InputWrapper-error').allTextContents()),
    ...(await form.getByRole('alert').locator('li').allTextContents()),
  ];
  return texts.map((t) => t.trim()).filter(Boolean);
}

async function submit(form: Locator) {
  await form.locator('button[type="submit"]').last().click();
}

describe('every form speaks Spanish a person would write', () => {
  for (const c of FORMS) {
    it(`${c.form}: ${c.invalid ? 'wrong' : 'empty'}${c.date ? ', with an impossible date' : ''}${c.valid ? ', then saved' : ''}`, async () => {
      const { page, errors } = await pageOf(c.user);
      await c.open(page);
      const form = c.inline ? c.inline(page) : page.getByRole('dialog');
      await form.waitFor();

      if (c.invalid) await c.invalid(form);
      else if (c.edit) {
        const texts = form.locator(
          'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="password"])' +
            ':not([readonly]):not([disabled]):not([aria-haspopup]):not([data-dates-input]), ' +
            'textarea:not([readonly]):not([disabled])',
        );
        for (const input of await texts.all()) if (await input.isVisible()) await input.fill('');
      }
      await submit(form);
      await expect.poll(() => messagesIn(form).then((m) => m.length)).toBeGreaterThan(0);
      const shown = await messagesIn(form);
      for (const message of shown) expect(machineTextIn(message), `${c.form}: «${message}»`).toBeUndefined();

      if (c.date) {
        const field = form.getByLabel(labelled(c.date));
        await field.fill('31/02/2024');
        await (c.inline ? field.press('Tab') : form.getByRole('heading').first().click());
        await expect.poll(() => fieldError(field)).toBe('El 31 de febrero de 2024 no existe');
        await expect(field.inputValue()).resolves.toBe('31/02/2024');
        await submit(form);
        await expect.poll(() => fieldError(field)).toBe('El 31 de febrero de 2024 no existe');
        // Not saved: the dialog is still there with the date as typed.
        await expect(form.isVisible()).resolves.toBe(true);
        await expect(field.inputValue()).resolves.toBe('31/02/2024');
      }
      if (c.valid) {
        await c.valid.fill(form, page);
        await submit(form);
        if (!c.inline) await form.waitFor({ state: 'detached' });
        await c.valid.saved(page);
        expect(await messagesIn(form)).toEqual([]);
      } else if (!c.inline) {
        await form.getByRole('button', { name: 'Cancelar' }).click();
        await form.waitFor({ state: 'detached' });
      }
      expect(errors).toEqual([]);
    });
  }
});
