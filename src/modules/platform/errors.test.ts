import { describe, expect, it } from 'vitest';
import { fileRefused } from './errors';

describe('fileRefused', () => {
  it('answers each refusal with its status and code, the message on the field "file"', () => {
    const cases = [
      { status: 400, code: 'VALIDATION_FAILED', message: 'El archivo está vacío.' },
      { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'El logotipo excede el tamaño permitido (1 MB).' },
      { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'El logotipo debe ser una imagen PNG o JPEG.' },
    ] as const;
    for (const c of cases) {
      const error = fileRefused({ status: c.status, message: c.message });
      expect(error.toJSON()).toEqual({
        code: c.code,
        message: c.message,
        fields: [{ path: 'file', message: c.message }],
      });
      expect(error.status).toBe(c.status);
    }
  });
});
