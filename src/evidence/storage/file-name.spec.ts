import { attachmentDisposition, cleanFileName } from './file-name.js';

describe('evidence file names', () => {
  it('keeps only the last path segment, without control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\x\\informe.pdf')).toBe('informe.pdf');
    expect(cleanFileName('a\r\nb.pdf')).toBe('ab.pdf');
    expect(cleanFileName('..')).toBe('evidencia');
    expect(cleanFileName(undefined)).toBe('evidencia');
  });

  it('answers an attachment with a quoted ASCII fallback and the exact name in filename*', () => {
    expect(attachmentDisposition('../evil"name.pdf')).toBe(`attachment; filename="evil_name.pdf"; filename*=UTF-8''evil%22name.pdf`);
    expect(attachmentDisposition('Informe año (1).pdf')).toBe(
      `attachment; filename="Informe ano (1).pdf"; filename*=UTF-8''Informe%20a%C3%B1o%20%281%29.pdf`,
    );
    expect(attachmentDisposition('a\\b;c%22.pdf')).toBe(`attachment; filename="b_c_22.pdf"; filename*=UTF-8''b%3Bc%2522.pdf`);
  });
});
