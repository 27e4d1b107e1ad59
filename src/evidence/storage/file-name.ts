/** What a file name may be when it is kept: a last path segment, no control characters, at most 200 characters. */
export function cleanFileName(raw: string | undefined): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'evidencia' : clean;
}

/**
 * `Content-Disposition` for a download: always an attachment, an ASCII fallback name with
 * nothing that could end the quoted string or be read as a path or an escape, and the exact
 * name in RFC 5987 `filename*` form for clients that read it.
 */
export function attachmentDisposition(fileName: string): string {
  const name = cleanFileName(fileName);
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // "Informe año.pdf" → "Informe ano.pdf"
    .replace(/[^\x20-\x7e]|["\\%;/]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
