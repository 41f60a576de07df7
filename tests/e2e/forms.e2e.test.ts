import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldError, labelled, launchBrowser, newContext, signIn, watchErrors } from '../support/e2e-browser';
import { machineTextIn } from '../support/human-messages';
import { startTestApp, type TestApp } from '../support/test-app';

// Every create and edit form of the app, tried as a new user would: submitted empty (an edit form
// with its text fields cleared), and with an impossible date where it has one. Each message shown
// must come from the Spanish map: no enum code, sign, format mask, library wording or English word,
// and the impossible date is refused on its field, never saved (the dialog stays open).

type FormCase = {
  form: string;
  user: 'enlace@iecm.demo' | 'admin@iecm.demo';
  open: (page: Page) => Promise<void>;
  /** An edit form: its text fields are cleared before submitting. */
  edit?: boolean;
  /** The label of a date field. */
  date?: string;
};

const main = (page: Page) => page.getByRole('main');
const CVOE = 'Comisión Provisional de Vinculación con Organismos Externos';

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
async function messagesIn(dialog: Locator): Promise<string[]> {
  const texts = [
    ...(await dialog.locator('.mantine-InputWrapper-error').allTextContents()),
    ...(await dialog.getByRole('alert').locator('li').allTextContents()),
  ];
  return texts.map((t) => t.trim()).filter(Boolean);
}

async function submit(dialog: Locator) {
  await dialog.locator('button[type="submit"]').last().click();
}

describe('every form speaks Spanish a person would write', () => {
  for (const c of FORMS) {
    it(`${c.form}: empty${c.date ? ' and with an impossible date' : ''}`, async () => {
      const { page, errors } = await pageOf(c.user);
      await c.open(page);
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();

      if (c.edit) {
        const texts = dialog.locator(
          'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="password"])' +
            ':not([readonly]):not([disabled]):not([aria-haspopup]):not([data-dates-input]), ' +
            'textarea:not([readonly]):not([disabled])',
        );
        for (const input of await texts.all()) if (await input.isVisible()) await input.fill('');
      }
      await submit(dialog);
      await expect.poll(() => messagesIn(dialog).then((m) => m.length)).toBeGreaterThan(0);
      const shown = await messagesIn(dialog);
      for (const message of shown) expect(machineTextIn(message), `${c.form}: «${message}»`).toBeUndefined();

      if (c.date) {
        const field = dialog.getByLabel(labelled(c.date));
        await field.fill('31/02/2024');
        await dialog.getByRole('heading').first().click();
        await expect.poll(() => fieldError(field)).toBe('El 31 de febrero de 2024 no existe');
        await expect(field.inputValue()).resolves.toBe('31/02/2024');
        await submit(dialog);
        await expect.poll(() => fieldError(field)).toBe('El 31 de febrero de 2024 no existe');
        // Not saved: the dialog is still there with the date as typed.
        await expect(dialog.isVisible()).resolves.toBe(true);
        await expect(field.inputValue()).resolves.toBe('31/02/2024');
      }
      await dialog.getByRole('button', { name: 'Cancelar' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    });
  }
});
