import { expect } from 'vitest';
import { todayInMexicoCity } from '../../shared/dates';
import type { HttpClient } from '../../../tests/support/http-client';
import type { TestApp, TestOrg } from '../../../tests/support/test-app';

// Organization-isolation probes of routing, area queues, consolidation and attachments, used by
// tests/integration/organization-isolation.db.test.ts: organization B's users (administrator,
// liaison and area staff, each with the widest reach their role has) try every route against
// organization A's folio, slips and files, created here through A's own clients.

type Fixture = {
  folio: string;
  communication: string;
  message: string;
  slip: string;
  answeredSlip: string;
  slipFile: string;
  communicationFile: string;
};
type World = { t: TestApp; orgA: TestOrg; orgB: TestOrg };
type Probe = (b: HttpClient) => Promise<void>;

function form(name: string, content: string): FormData {
  const f = new FormData();
  f.append('file', new Blob([content], { type: 'application/pdf' }), name);
  return f;
}

async function ok<T>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`fixture: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Signs in B's area-staff user after giving it one of B's areas (so its queue is not trivially empty). */
async function areaStaffOf(w: World, admin: HttpClient, org: TestOrg, areaName: string): Promise<HttpClient> {
  const area = (await ok(admin.post<{ id: string }>('/api/areas', { name: areaName, kind: 'other' }))).id;
  const users = await admin.get<{ items: { id: string; email: string }[] }>('/api/users?q=area-staff');
  const user = users.body.items.find((u) => u.email === org.users.area_staff)!;
  await ok(admin.patch(`/api/users/${user.id}`, { areaIds: [area] }), 200);
  return w.t.as(org, 'area_staff');
}

let fixture:
  | Promise<
      Fixture & {
        bArea: HttpClient;
        bLiaison: HttpClient;
        bAdmin: HttpClient;
        aLiaison: HttpClient;
        aArea: string;
      }
    >
  | undefined;
function fixtureOf(world: () => World) {
  fixture ??= (async () => {
    const w = world();
    const admin = await w.t.as(w.orgA, 'administrator');
    const liaison = await w.t.as(w.orgA, 'liaison_staff');
    const staff = await areaStaffOf(w, admin, w.orgA, 'Área turnada de A');
    const areaId = (await staff.get<{ areaIds: string[] }>('/api/me')).body.areaIds[0]!;
    const registered = await ok(
      liaison.post<{ folioId: string }>('/api/channel/folios', {
        module: 'follow_up',
        folio: '77/2024',
        documentType: 'oficio',
        subject: 'Folio turnado del Organismo A',
        sentOn: todayInMexicoCity(),
        receivedOn: todayInMexicoCity(),
      }),
    );
    const folio = registered.folioId;
    const detail = await liaison.get<{ communicationId: string }>(`/api/channel/folios/${folio}`);
    const communication = detail.body.communicationId;
    const communicationFile = (
      await ok(
        liaison.post<{ id: string }>(
          `/api/channel/communications/${communication}/attachments`,
          form('oficio-a.pdf', 'A'),
        ),
      )
    ).id;
    const [answeredSlip] = (
      await ok(
        liaison.post<{ routingIds: string[] }>(`/api/channel/folios/${folio}/routings`, {
          responsibleAreaId: areaId,
        }),
      )
    ).routingIds;
    const slipFile = (
      await ok(
        staff.post<{ id: string }>(
          `/api/channel/my-routings/${answeredSlip}/attachments`,
          form('a.pdf', 'A'),
        ),
      )
    ).id;
    await ok(staff.post(`/api/channel/my-routings/${answeredSlip}/answer`, { text: 'Respuesta de A' }), 200);
    const message = (
      await ok(
        liaison.post<{ messageId: string }>(`/api/channel/folios/${folio}/consolidate`, {
          event: 'local_answers',
          text: 'Respuesta consolidada de A',
          attachmentIds: [slipFile],
        }),
        200,
      )
    ).messageId;
    // A slip still open, of a second folio.
    const second = await ok(
      liaison.post<{ folioId: string }>('/api/channel/folios', {
        module: 'follow_up',
        folio: '78/2024',
        documentType: 'oficio',
        subject: 'Otro folio turnado del Organismo A',
        sentOn: todayInMexicoCity(),
        receivedOn: todayInMexicoCity(),
      }),
    );
    const [slip] = (
      await ok(
        liaison.post<{ routingIds: string[] }>(`/api/channel/folios/${second.folioId}/routings`, {
          responsibleAreaId: areaId,
        }),
      )
    ).routingIds;
    const bAdmin = await w.t.as(w.orgB, 'administrator');
    const bArea = await areaStaffOf(w, bAdmin, w.orgB, 'Área de B para turnos');
    const bLiaison = await w.t.as(w.orgB, 'liaison_staff');
    return {
      folio,
      communication,
      message: message!,
      slip: slip!,
      answeredSlip: answeredSlip!,
      slipFile,
      communicationFile,
      bArea,
      bLiaison,
      bAdmin,
      aLiaison: liaison,
      aArea: areaId,
    };
  })();
  return fixture;
}

const notFound = (res: { status: number }) => expect(res.status).toBe(404);

type Fixed = Awaited<ReturnType<typeof fixtureOf>>;

/** Runs `probe` while B requires the SE's instruction of its own area (B's area-staff user's). */
async function withBPolicy(f: () => Promise<Fixed>, probe: (x: Fixed, bArea: string) => Promise<void>) {
  const x = await f();
  const bArea = (await x.bArea.get<{ areaIds: string[] }>('/api/me')).body.areaIds[0]!;
  expect((await x.bAdmin.put('/api/channel/routing-policy', { instructingAreaId: bArea })).status).toBe(200);
  try {
    await probe(x, bArea);
  } finally {
    await x.bAdmin.put('/api/channel/routing-policy', { instructingAreaId: null });
  }
}

export function channelRoutingProbes(world: () => World): Record<string, Probe> {
  const f = () => fixtureOf(world);
  return {
    'GET /api/channel/folios/{id}/routings': async (b) =>
      notFound(await b.get(`/api/channel/folios/${(await f()).folio}/routings`)),
    'POST /api/channel/folios/{id}/routings': async () => {
      const x = await f();
      const me = await x.bArea.get<{ areaIds: string[] }>('/api/me');
      notFound(
        await x.bLiaison.post(`/api/channel/folios/${x.folio}/routings`, {
          informedAreaIds: me.body.areaIds,
        }),
      );
    },
    'POST /api/channel/routings/{id}/reassign': async () => {
      const x = await f();
      const me = await x.bArea.get<{ areaIds: string[] }>('/api/me');
      notFound(
        await x.bLiaison.post(`/api/channel/routings/${x.slip}/reassign`, {
          areaId: me.body.areaIds[0],
          reason: 'x',
        }),
      );
    },
    'POST /api/channel/folios/{id}/consolidate': async () => {
      const x = await f();
      notFound(
        await x.bLiaison.post(`/api/channel/folios/${x.folio}/consolidate`, {
          event: 'local_answers',
          text: 'x',
        }),
      );
    },
    'GET /api/channel/folios/{id}/attachments': async (b) =>
      notFound(await b.get(`/api/channel/folios/${(await f()).folio}/attachments`)),
    'POST /api/channel/communications/{id}/attachments': async () => {
      const x = await f();
      notFound(
        await x.bLiaison.post(
          `/api/channel/communications/${x.communication}/attachments`,
          form('b.pdf', 'B'),
        ),
      );
    },
    'POST /api/channel/communications/with-files': async () => {
      const x = await f();
      // B sends only its own consultation, with its file: it lands as B's folio, never on A's (or,
      // without the national authority in this installation, is refused with nothing written).
      const data = new FormData();
      data.append(
        'data',
        JSON.stringify({
          module: 'consultation',
          documentType: 'consulta',
          subject: 'Consulta de B',
          sentOn: todayInMexicoCity(),
        }),
      );
      data.append('files', new Blob(['B'], { type: 'application/pdf' }), 'consulta-b.pdf');
      const sent = await x.bLiaison.post<{ folioIds: string[] }>(
        '/api/channel/communications/with-files',
        data,
      );
      expect([201, 409]).toContain(sent.status);
      if (sent.status === 201) {
        expect(sent.body.folioIds).not.toContain(x.folio);
        const files = await x.bLiaison.get<{ filename: string }[]>(
          `/api/channel/folios/${sent.body.folioIds[0]}/attachments`,
        );
        expect(files.body.map((file) => file.filename)).toEqual(['consulta-b.pdf']);
      }
    },
    'POST /api/channel/messages/{id}/attachments': async () => {
      const x = await f();
      notFound(await x.bLiaison.post(`/api/channel/messages/${x.message}/attachments`, form('b.pdf', 'B')));
    },
    'GET /api/channel/my-routings': async () => {
      const x = await f();
      const res = await x.bArea.get<{ items: { id: string }[] }>('/api/channel/my-routings?state=all');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('Organismo A');
      expect(res.body.items.map((i) => i.id)).not.toContain(x.slip);
    },
    'GET /api/channel/my-routings/{id}': async () => {
      const x = await f();
      notFound(await x.bArea.get(`/api/channel/my-routings/${x.slip}`));
      notFound(await x.bArea.get(`/api/channel/my-routings/${x.answeredSlip}`));
    },
    'POST /api/channel/my-routings/{id}/answer': async () => {
      const x = await f();
      notFound(await x.bArea.post(`/api/channel/my-routings/${x.slip}/answer`, { text: 'x' }));
    },
    'POST /api/channel/my-routings/{id}/return': async () => {
      const x = await f();
      notFound(await x.bArea.post(`/api/channel/my-routings/${x.slip}/return`, { reason: 'x' }));
    },
    'POST /api/channel/my-routings/{id}/attachments': async () => {
      const x = await f();
      notFound(await x.bArea.post(`/api/channel/my-routings/${x.slip}/attachments`, form('b.pdf', 'B')));
    },
    // The SE's instruction (ADR 0038): B requires it of its own area, for the probe's length.
    'GET /api/channel/routing-policy': async () =>
      withBPolicy(f, async (x, bArea) => {
        const own = await x.bLiaison.get('/api/channel/routing-policy');
        expect(own.body).toMatchObject({ instructingArea: { id: bArea } });
        const a = await x.aLiaison.get('/api/channel/routing-policy');
        expect(a.body).toEqual({ instructingArea: null });
      }),
    'PUT /api/channel/routing-policy': async () => {
      const x = await f();
      const res = await x.bAdmin.put<{ fields: { path: string }[] }>('/api/channel/routing-policy', {
        instructingAreaId: x.aArea,
      });
      expect(res.status).toBe(400);
      expect(res.body.fields.map((e) => e.path)).toEqual(['instructingAreaId']);
      expect((await x.aLiaison.get('/api/channel/routing-policy')).body).toEqual({ instructingArea: null });
    },
    'GET /api/channel/routings-to-instruct': async () =>
      withBPolicy(f, async (x) => {
        const res = await x.bArea.get<{ instructs: boolean; items: unknown[] }>(
          '/api/channel/routings-to-instruct',
        );
        expect(res.body.instructs).toBe(true);
        expect(JSON.stringify(res.body.items)).not.toContain('Organismo A');
      }),
    'POST /api/channel/folios/{id}/instruction': async () =>
      withBPolicy(f, async (x) => {
        notFound(await x.bArea.post(`/api/channel/folios/${x.folio}/instruction`, { decision: 'instruct' }));
      }),
    'GET /api/channel/attachments/{id}': async (b) => {
      const x = await f();
      for (const id of [x.slipFile, x.communicationFile]) {
        notFound(await b.get(`/api/channel/attachments/${id}`));
        notFound(await x.bArea.get(`/api/channel/attachments/${id}`));
        notFound(await x.bLiaison.get(`/api/channel/attachments/${id}`));
      }
    },
  };
}
