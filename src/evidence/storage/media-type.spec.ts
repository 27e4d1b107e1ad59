import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { detectEvidenceType } from './media-type.js';

describe('evidence media type, from the bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tramos-mt-'));
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('accepts PDF, PNG, JPEG and XLSX whatever their names say', async () => {
    expect(await detectEvidenceType(file('a.txt', '%PDF-1.7\n1 0 obj\n'))).toBe('application/pdf');
    expect(await detectEvidenceType(file('b', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')))).toBe('image/png');
    expect(await detectEvidenceType(file('c.pdf', Buffer.from('ffd8ffe000104a464946000101', 'hex')))).toBe('image/jpeg');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow([1, 2]);
    expect(await detectEvidenceType(file('d.bin', Buffer.from(await wb.xlsx.writeBuffer())))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('accepts UTF-8 text with separators as CSV', async () => {
    expect(await detectEvidenceType(file('e.csv', '\uFEFFdistrito;valor\nAyacucho;72,5\nHuanta;68\n'))).toBe('text/csv');
    expect(await detectEvidenceType(file('f.csv', 'a,b\r\n1,2\r\n'))).toBe('text/csv');
  });

  it('refuses executables, markup, binary junk, invalid UTF-8 and text without separators', async () => {
    expect(await detectEvidenceType(file('g.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])))).toBeNull();
    expect(await detectEvidenceType(file('h.pdf', Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01'), Buffer.alloc(200)])))).toBeNull();
    expect(await detectEvidenceType(file('i.csv', '<html><script>alert(1)</script>a,b</html>'))).toBeNull();
    expect(await detectEvidenceType(file('j.csv', '#!/bin/sh\nrm -rf /,x\n'))).toBeNull();
    expect(await detectEvidenceType(file('k.csv', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x0a])))).toBeNull();
    expect(await detectEvidenceType(file('l.csv', 'just words\nno table\n'))).toBeNull();
    expect(await detectEvidenceType(file('m.csv', 'a,b\n\u0000\u0001,c\n'))).toBeNull();
  });
});
