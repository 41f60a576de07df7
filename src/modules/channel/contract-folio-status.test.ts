import { describe, expect, it } from 'vitest';
import {
  actingSide,
  allowedEvents,
  initialStatus,
  transition,
  type FolioStatus,
} from './contract-folio-status';

const followUp = (status: FolioStatus, nature: 'for_information' | 'for_attention' = 'for_attention') => ({
  module: 'follow_up' as const,
  nature,
  status,
});
const consultation = (status: FolioStatus) => ({
  module: 'consultation' as const,
  nature: 'for_attention' as const,
  status,
});

describe('folio status transitions', () => {
  it('starts follow-ups pending for the local body and consultations in process of the INE', () => {
    expect(initialStatus('follow_up')).toBe('pending_local');
    expect(initialStatus('consultation')).toBe('in_process_national');
  });

  it('follow-up: answer → in process of the INE → concluded, or returned for more', () => {
    expect(transition(followUp('pending_local'), 'local_answers', 'local')).toEqual({
      ok: true,
      to: 'in_process_national',
    });
    expect(transition(followUp('in_process_national'), 'national_concludes', 'national')).toEqual({
      ok: true,
      to: 'concluded',
    });
    expect(transition(followUp('in_process_national'), 'national_returns', 'national')).toEqual({
      ok: true,
      to: 'pending_local',
    });
  });

  it('a folio for information is concluded by its acknowledgment; one for attention is not', () => {
    expect(transition(followUp('pending_local', 'for_information'), 'local_acknowledges', 'local')).toEqual({
      ok: true,
      to: 'concluded',
    });
    expect(transition(followUp('pending_local'), 'local_acknowledges', 'local').ok).toBe(false);
  });

  it('consultation: the INE answers (concluded) or asks for more, and the OPLE sends it', () => {
    expect(transition(consultation('in_process_national'), 'national_concludes', 'national')).toEqual({
      ok: true,
      to: 'concluded',
    });
    expect(transition(consultation('in_process_national'), 'national_returns', 'national')).toEqual({
      ok: true,
      to: 'pending_local',
    });
    expect(transition(consultation('pending_local'), 'local_answers', 'local')).toEqual({
      ok: true,
      to: 'in_process_national',
    });
  });

  it('only the originator cancels', () => {
    expect(transition(followUp('pending_local'), 'originator_cancels', 'national')).toEqual({
      ok: true,
      to: 'cancelled',
    });
    expect(transition(followUp('pending_local'), 'originator_cancels', 'local').ok).toBe(false);
    expect(transition(consultation('in_process_national'), 'originator_cancels', 'local')).toEqual({
      ok: true,
      to: 'cancelled',
    });
  });

  it('refuses anything on a concluded or cancelled folio, e.g. concluding a cancelled one', () => {
    const r = transition(followUp('cancelled'), 'national_concludes', 'national');
    expect(r).toEqual({ ok: false, reason: 'El folio está cancelado; ya no admite cambios.' });
    expect(transition(followUp('concluded'), 'originator_cancels', 'national').ok).toBe(false);
  });

  it('refuses an event of the other side', () => {
    expect(transition(followUp('pending_local'), 'local_answers', 'national')).toEqual({
      ok: false,
      reason: 'Esta acción corresponde al organismo local.',
    });
    expect(transition(followUp('in_process_national'), 'national_concludes', 'local').ok).toBe(false);
  });

  it('refuses events out of turn', () => {
    expect(transition(followUp('in_process_national'), 'local_answers', 'local').ok).toBe(false);
    expect(transition(followUp('pending_local'), 'national_concludes', 'national').ok).toBe(false);
  });
});

describe('who acts, and what each organization may do now', () => {
  const base = { localOrgId: 'ople', module: 'follow_up' as const, nature: 'for_attention' as const };

  it('with the INE in the installation, each organization acts for its own side only', () => {
    const folio = { ...base, nationalOrgId: 'ine', status: 'pending_local' as const };
    expect(actingSide(folio, 'ople', 'national_concludes')).toBe('local');
    expect(actingSide(folio, 'ine', 'originator_cancels')).toBe('national');
    expect(allowedEvents(folio, 'ople')).toEqual(['local_answers']);
    expect(allowedEvents(folio, 'ine')).toEqual(['originator_cancels']);
    expect(allowedEvents({ ...folio, status: 'in_process_national' }, 'ine')).toEqual([
      'national_concludes',
      'national_returns',
      'originator_cancels',
    ]);
  });

  it('with the counterpart outside, the local body records both sides', () => {
    const folio = { ...base, nationalOrgId: null, status: 'in_process_national' as const };
    expect(actingSide(folio, 'ople', 'national_concludes')).toBe('national');
    expect(allowedEvents(folio, 'ople')).toEqual([
      'national_concludes',
      'national_returns',
      'originator_cancels',
    ]);
  });

  it('nothing on a final folio', () => {
    expect(allowedEvents({ ...base, nationalOrgId: 'ine', status: 'concluded' }, 'ine')).toEqual([]);
  });
});
