import { useQuery } from '@tanstack/react-query';
import { callEndpoint, endpointUrl, uploadToEndpoint } from '@/web/shared/api/client';
import type { LetterheadInput } from '../letterhead-contract';
import * as endpoints from '../letterhead/endpoints';

// The letterhead page's API calls (ADR 0022), apart from api.ts so that only this page loads them.

export function useLetterhead() {
  return useQuery({ queryKey: LETTERHEAD_KEY, queryFn: () => callEndpoint(endpoints.getLetterhead) });
}
export const LETTERHEAD_KEY = ['letterhead'] as const;

export function saveLetterhead(body: LetterheadInput) {
  return callEndpoint(endpoints.updateLetterhead, { body });
}

export function uploadLetterheadLogo(file: File) {
  return uploadToEndpoint(endpoints.setLetterheadLogo, {}, file);
}

export function removeLetterheadLogo() {
  return callEndpoint(endpoints.removeLetterheadLogo);
}

/** The logo's address for an image; its hash makes a new logo a new address (no stale cache). */
export function letterheadLogoUrl(sha256: string) {
  return `${endpointUrl(endpoints.downloadLetterheadLogo, {})}?v=${sha256.slice(0, 12)}`;
}
