import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../../shared/errors';
import { mediaTypeOf } from '../files/media-types';
import { AppError } from '../errors';

export type Upload = { data: Buffer; filename: string; mediaType: string };
export type Download = { body: Buffer | string; contentType: string; filename: string };

/** A file name safe in a Content-Disposition header and on any disk. */
export function safeFilename(name: string, fallback = 'archivo'): string {
  const clean = [...(name || fallback)].map((c) => (c < ' ' || '"\\/'.includes(c) ? '_' : c)).join('');
  return clean.slice(0, 200) || fallback;
}

/**
 * The uploaded file of a multipart request (field "file"). Every failure is a 4xx: not multipart
 * (415), no file (400 with `missingCode`), over the size limit (413, from the error handler),
 * a malformed body (400).
 */
export async function readUpload(
  req: FastifyRequest,
  options: { what: string; missingCode?: ErrorCode } = { what: 'el archivo' },
): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      [],
      `Envíe ${options.what} como multipart/form-data en el campo "file".`,
    );
  }
  try {
    const part = await req.file();
    if (!part || part.fieldname !== 'file') {
      const message = `Adjunte ${options.what} en el campo "file".`;
      throw new AppError(
        options.missingCode ?? 'VALIDATION_FAILED',
        400,
        [{ path: 'file', message }],
        message,
      );
    }
    // Over the size limit toBuffer throws FST_REQ_FILE_TOO_LARGE: a 413 from the error handler.
    const data = await part.toBuffer();
    const filename = safeFilename(part.filename ?? '', 'documento');
    return {
      data,
      filename,
      // Never the type the browser declared (part.mimetype): the server's own, by extension.
      mediaType: mediaTypeOf(filename),
    };
  } catch (error) {
    const e = error as { code?: string; statusCode?: number };
    if (error instanceof AppError || e.code === 'FST_REQ_FILE_TOO_LARGE') throw error;
    if (e.statusCode === 413) throw new AppError('PAYLOAD_TOO_LARGE', 413);
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      throw new AppError('MALFORMED_REQUEST', 400);
    throw error;
  }
}

/**
 * A form sent with its files in one multipart request: the JSON of the form in the field "data" and
 * up to `maxFiles` files in fields "files". The data is returned unparsed by any schema (the route
 * validates it); every failure is a 4xx, as in `readUpload`.
 */
export async function readFormWithFiles(
  req: FastifyRequest,
  maxFiles: number,
): Promise<{ data: unknown; files: Upload[] }> {
  if (!req.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      [],
      'Envíe el formulario como multipart/form-data: los datos en el campo "data" y los archivos en "files".',
    );
  }
  let raw: string | undefined;
  const files: Upload[] = [];
  try {
    for await (const part of req.parts({ limits: { files: maxFiles } })) {
      if (part.type === 'file') {
        // Over the size limit toBuffer throws FST_REQ_FILE_TOO_LARGE: a 413 from the error handler.
        const data = await part.toBuffer();
        if (part.fieldname !== 'files') continue;
        const filename = safeFilename(part.filename ?? '', 'documento');
        files.push({ data, filename, mediaType: mediaTypeOf(filename) });
      } else if (part.fieldname === 'data') {
        raw = String(part.value);
      }
    }
  } catch (error) {
    const e = error as { code?: string; statusCode?: number };
    if (error instanceof AppError || e.code === 'FST_REQ_FILE_TOO_LARGE') throw error;
    if (e.code === 'FST_FILES_LIMIT') {
      const message = `Adjunte a lo más ${maxFiles} archivos.`;
      throw new AppError('VALIDATION_FAILED', 400, [{ path: 'files', message }], message);
    }
    if (e.statusCode === 413) throw new AppError('PAYLOAD_TOO_LARGE', 413);
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      throw new AppError('MALFORMED_REQUEST', 400);
    throw error;
  }
  let data: unknown;
  try {
    data = raw === undefined ? undefined : JSON.parse(raw);
  } catch {
    data = undefined;
  }
  if (data === undefined || data === null || typeof data !== 'object') {
    const message = 'Envíe los datos del formulario como JSON en el campo "data".';
    throw new AppError('VALIDATION_FAILED', 400, [{ path: 'data', message }], message);
  }
  return { data, files };
}

/** Answers with a file to download; a non-ASCII name travels as RFC 5987 with an ASCII fallback. */
export function sendDownload(reply: FastifyReply, file: Download) {
  const name = safeFilename(file.filename);
  const ascii = name
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  const disposition =
    ascii === name
      ? `attachment; filename="${name}"`
      : `attachment; filename="${ascii || 'archivo'}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', disposition)
    .send(file.body);
}

/**
 * Answers with a file someone uploaded. Its type comes from the server's list by the file name's
 * extension (application/octet-stream when unknown), never from what was declared or stored.
 */
export function sendUploadedFile(reply: FastifyReply, file: { body: Buffer; filename: string }) {
  return sendDownload(reply, { ...file, contentType: mediaTypeOf(safeFilename(file.filename)) });
}
