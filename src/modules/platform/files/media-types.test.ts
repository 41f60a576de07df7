import { describe, expect, it } from 'vitest';
import { mediaTypeOf } from './media-types';

describe('mediaTypeOf', () => {
  it.each([
    ['Oficio INE.PDF', 'application/pdf'],
    ['informe.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['foto.jpeg', 'image/jpeg'],
    ['datos.csv', 'text/csv'],
  ])('serves %s as %s', (name, type) => {
    expect(mediaTypeOf(name)).toBe(type);
  });

  it.each([
    'pagina.html',
    'pagina.htm',
    'logo.svg',
    'pagina.xhtml',
    'datos.xml',
    'script.js',
    'programa.exe',
    'sin-extension',
    'toString',
    'archivo.constructor',
    'archivo.__proto__',
  ])('serves %s as a plain download', (name) => {
    expect(mediaTypeOf(name)).toBe('application/octet-stream');
  });
});
