import { describe, expect, it } from 'vitest';
import { checkAttachment } from './attach-channel-file';

const limits = { attachmentMaxBytes: 1000, attachmentTypes: ['pdf', 'docx', 'png'], reminderBusinessDays: 2 };

describe('checkAttachment', () => {
  it('accepts an allowed extension within the limit, typed from the extension', () => {
    expect(checkAttachment(limits, { filename: 'Oficio INE.PDF', size: 1000 })).toEqual({
      ok: true,
      mediaType: 'application/pdf',
    });
    expect(checkAttachment(limits, { filename: 'informe.final.docx', size: 10 })).toMatchObject({
      ok: true,
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('refuses other extensions and names without one (415), whatever the browser claims', () => {
    expect(checkAttachment(limits, { filename: 'programa.exe', size: 10 })).toEqual({
      ok: false,
      status: 415,
      message: 'Tipo de archivo no permitido; se aceptan: pdf, docx, png.',
    });
    expect(checkAttachment(limits, { filename: 'sin-extension', size: 10 })).toMatchObject({ status: 415 });
    expect(checkAttachment(limits, { filename: 'oficio.pdf.js', size: 10 })).toMatchObject({ status: 415 });
  });

  it('refuses empty files (400) and files over the limit (413)', () => {
    expect(checkAttachment(limits, { filename: 'a.pdf', size: 0 })).toMatchObject({ ok: false, status: 400 });
    expect(checkAttachment(limits, { filename: 'a.pdf', size: 1001 })).toEqual({
      ok: false,
      status: 413,
      message: 'El archivo excede el tamaño permitido (1 KB).',
    });
    expect(
      checkAttachment(
        { ...limits, attachmentMaxBytes: 10 * 1024 * 1024 },
        { filename: 'a.png', size: 10485761 },
      ),
    ).toMatchObject({ message: 'El archivo excede el tamaño permitido (10 MB).' });
  });
});
