import { imageSize } from 'image-size';
import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { findDocumentSettings, saveDocumentSettings } from '../platform/documents/letterhead-settings';
import { fileRefused } from '../platform/errors';
import { mediaTypeOf } from '../platform/files/media-types';
import { storeFile } from '../platform/files/store-file';
import type { Upload } from '../platform/http/files';
import type { ScopedAuditActor } from './actor';
import { LOGO_MAX_BYTES, type LetterheadSettings } from './letterhead-contract';
import { presentLetterhead } from './update-letterhead';

// The letterhead's logo, uploaded or removed by an administrator (issue 16).

const LOGO_TYPES = { png: 'image/png', jpg: 'image/jpeg' } as const;

/**
 * Whether an uploaded file may be the logo: a PNG or JPEG by its name, whose first bytes say the
 * same (a renamed file is refused), within the size limit. The printers embed it as it is.
 */
export function checkLogo(file: {
  filename: string;
  data: Buffer;
}):
  | { ok: true; mediaType: 'image/png' | 'image/jpeg'; width: number; height: number }
  | { ok: false; status: 400 | 413 | 415; message: string } {
  const declared = mediaTypeOf(file.filename);
  if (declared !== 'image/png' && declared !== 'image/jpeg')
    return { ok: false, status: 415, message: 'El logotipo debe ser una imagen PNG o JPEG.' };
  if (file.data.length === 0) return { ok: false, status: 400, message: 'El archivo está vacío.' };
  if (file.data.length > LOGO_MAX_BYTES)
    return { ok: false, status: 413, message: 'El logotipo excede el tamaño permitido (1 MB).' };
  let found: { type?: string; width?: number; height?: number };
  try {
    found = imageSize(file.data);
  } catch {
    found = {};
  }
  const type = found.type === 'png' || found.type === 'jpg' ? LOGO_TYPES[found.type] : undefined;
  if (type !== declared || !found.width || !found.height)
    return {
      ok: false,
      status: 415,
      message: `El contenido del archivo no es una imagen ${declared === 'image/png' ? 'PNG' : 'JPEG'} válida.`,
    };
  return { ok: true, mediaType: type, width: found.width, height: found.height };
}

export async function setLetterheadLogo(
  db: Db,
  actor: ScopedAuditActor,
  upload: Upload,
): Promise<LetterheadSettings> {
  const check = checkLogo(upload);
  if (!check.ok) throw fileRefused(check);
  return inTransaction(db, async (tx) => {
    const before = presentLetterhead(await findDocumentSettings(tx, actor.organizationId));
    const sha256 = await storeFile(tx, upload.data, check.mediaType);
    const row = await saveDocumentSettings(tx, actor.organizationId, {
      logoSha256: sha256,
      logoMediaType: check.mediaType,
      logoWidth: check.width,
      logoHeight: check.height,
      logoFilename: upload.filename,
    });
    const after = presentLetterhead(row);
    await recordAudit(tx, actor, {
      action: 'organization.letterhead_logo',
      entityType: 'organization',
      entityId: actor.organizationId,
      before: { logo: before.logo },
      after: { logo: after.logo, size: upload.data.length },
    });
    return after;
  });
}

export async function removeLetterheadLogo(db: Db, actor: ScopedAuditActor): Promise<LetterheadSettings> {
  return inTransaction(db, async (tx) => {
    const before = presentLetterhead(await findDocumentSettings(tx, actor.organizationId));
    const row = await saveDocumentSettings(tx, actor.organizationId, {
      logoSha256: null,
      logoMediaType: null,
      logoWidth: null,
      logoHeight: null,
      logoFilename: null,
    });
    await recordAudit(tx, actor, {
      action: 'organization.letterhead_logo',
      entityType: 'organization',
      entityId: actor.organizationId,
      before: { logo: before.logo },
      after: { logo: null },
    });
    return presentLetterhead(row);
  });
}
