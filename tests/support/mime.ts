/**
 * The parts of a raw MIME message as the SMTP sink received it, each decoded (base64 or
 * quoted-printable) to text: enough for tests to read a message's text and its calendar part.
 */
export function mimeParts(raw: string): { contentType: string; headers: string; text: string }[] {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]!);
  let chunks = [raw];
  for (const b of boundaries) chunks = chunks.flatMap((c) => c.split(`--${b}`));
  return chunks.flatMap((chunk) => {
    const end = chunk.indexOf('\r\n\r\n');
    if (end < 0) return [];
    const headers = chunk.slice(0, end).replace(/\r\n[ \t]+/g, ' ');
    const contentType = /^content-type:\s*([^;\r\n]+)/im.exec(headers)?.[1]?.trim().toLowerCase() ?? '';
    if (!contentType || contentType.startsWith('multipart/')) return [];
    const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
    const body = chunk.slice(end + 4);
    let bytes: Buffer;
    if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
    else if (encoding === 'quoted-printable') {
      const soft = body.replace(/=\r\n/g, '');
      const out: number[] = [];
      for (let i = 0; i < soft.length; i++) {
        if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
          out.push(parseInt(soft.slice(i + 1, i + 3), 16));
          i += 2;
        } else out.push(...Buffer.from(soft[i]!, 'utf8'));
      }
      bytes = Buffer.from(out);
    } else bytes = Buffer.from(body, 'utf8');
    return [{ contentType, headers, text: bytes.toString('utf8') }];
  });
}
