/**
 * The types the server serves uploaded files with, by the file name's extension. The type a
 * browser declares on upload is never trusted: an HTML or SVG file served as text/html or
 * image/svg+xml would run its scripts on our origin if opened. Anything not listed is served as
 * application/octet-stream (and always as an attachment).
 */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  csv: 'text/csv',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  zip: 'application/zip',
};

export const UNKNOWN_MEDIA_TYPE = 'application/octet-stream';

/** The type an uploaded file named `filename` is stored and served with. */
export function mediaTypeOf(filename: string): string {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(filename)?.[1]?.toLowerCase();
  return (ext && Object.hasOwn(MEDIA_TYPES, ext) && MEDIA_TYPES[ext]) || UNKNOWN_MEDIA_TYPE;
}
