import { findDocumentSettings } from '../platform/documents/letterhead-settings';
import { notFound } from '../platform/errors';
import { readUpload, sendUploadedFile } from '../platform/http/files';
import { readFile } from '../platform/files/store-file';
import { route } from '../platform/http/route';
import type { ModuleRoutes } from '../platform/http/types';
import { auditActor, authorize } from './actor';
import * as endpoints from './letterhead/endpoints';
import { removeLetterheadLogo, setLetterheadLogo } from './set-letterhead-logo';
import { getLetterhead, updateLetterhead } from './update-letterhead';

// The organization's letterhead and the quarterly report's legal basis (issue 16): administrators.
export const letterheadRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const admin = (req: Parameters<typeof authorize>[1]) => authorize(ctx, req, 'letterhead.manage');

  route(api, endpoints.getLetterhead, async (req) => getLetterhead(db, (await admin(req)).organizationId));
  route(api, endpoints.updateLetterhead, async (req) =>
    updateLetterhead(db, auditActor(await admin(req)), req.body),
  );
  route(api, endpoints.setLetterheadLogo, async (req) => {
    const actor = auditActor(await admin(req));
    return setLetterheadLogo(db, actor, await readUpload(req, { what: 'el logotipo' }));
  });
  route(api, endpoints.removeLetterheadLogo, async (req) =>
    removeLetterheadLogo(db, auditActor(await admin(req))),
  );
  route(api, endpoints.downloadLetterheadLogo, async (req, reply) => {
    const settings = await findDocumentSettings(db, (await admin(req)).organizationId);
    const file = settings?.logoSha256 ? await readFile(db, settings.logoSha256) : undefined;
    if (!file || !settings?.logoFilename) throw notFound();
    return sendUploadedFile(reply, { body: file.content, filename: settings.logoFilename });
  });
};
