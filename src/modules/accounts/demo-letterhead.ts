import { PNG } from 'pngjs';
import type { Db } from '../platform/db/client';
import { findDocumentSettings } from '../platform/documents/letterhead-settings';
import type { ScopedAuditActor } from './actor';
import { setLetterheadLogo } from './set-letterhead-logo';
import { updateLetterhead } from './update-letterhead';

// The demo's letterhead for the IECM: a drawn logo (not the institute's: a magenta square with
// three white bars, as a stand-in), its header and footer lines and the report's legal basis as
// the reference report states it.

export const DEMO_LEGAL_BASIS =
  'Este informe se presenta de conformidad con lo previsto en el artículo 72 del Código de Instituciones y Procedimientos Electorales de la Ciudad de México.';

/** A small PNG drawn pixel by pixel: `width` × `height`, magenta with three white bars. */
export function drawDemoLogo(width = 240, height = 96): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const square = x < height;
      const bar =
        square &&
        x > height * 0.2 &&
        x < height * 0.8 &&
        [0.25, 0.45, 0.65].some((b) => Math.abs(y / height - b) < 0.05);
      const [r, g, bl] = !square ? [255, 255, 255] : bar ? [255, 255, 255] : [181, 0, 110];
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = bl;
      png.data[i + 3] = 255;
    }
  // RGB without alpha: the logo is opaque, and a PDF then embeds one image, not an image and a mask.
  return PNG.sync.write(png, { colorType: 2 });
}

/** Sets the demo's letterhead once (running the demo again leaves an edited one as it is). */
export async function seedDemoLetterhead(db: Db, actor: ScopedAuditActor): Promise<void> {
  if (await findDocumentSettings(db, actor.organizationId)) return;
  await updateLetterhead(db, actor, {
    headerLines: [
      'Instituto Electoral de la Ciudad de México',
      'Secretaría Ejecutiva · Dirección de Vinculación con Organismos Externos',
    ],
    footerLines: [
      'Huizaches 25, Colonia Rancho Los Colorines, Alcaldía Tlalpan, C.P. 14386, Ciudad de México · www.iecm.mx',
    ],
    legalBasis: DEMO_LEGAL_BASIS,
  });
  await setLetterheadLogo(db, actor, {
    data: drawDemoLogo(),
    filename: 'logotipo-iecm.png',
    mediaType: 'image/png',
  });
}
