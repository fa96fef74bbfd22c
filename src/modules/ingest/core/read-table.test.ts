import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { DecodeToUtf8 } from './decode-stream';
import { SNIFF_BYTES } from './detect-format';
import { readTable, type Table, type TableInput } from './read-table';
import { xlsxRows } from './read-xlsx';
import { TableReadError } from './table-errors';

const dir = mkdtempSync(path.join(tmpdir(), 'xinyong-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function file(bytes: Buffer | string): string {
  fileCount += 1;
  const target = path.join(dir, `fixture-${fileCount}`);
  writeFileSync(target, bytes);
  return target;
}

async function rowsOf(table: Table): Promise<Array<{ rowNumber: number; cells: string[] }>> {
  const out = [];
  for await (const row of table.rows) out.push(row);
  return out;
}

async function readAll(input: TableInput, options = {}) {
  const table = await readTable(input, options);
  return { table, rows: await rowsOf(table) };
}

async function refusal(run: () => Promise<unknown>): Promise<TableReadError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(TableReadError);
    return error as TableReadError;
  }
  throw new Error('expected a TableReadError');
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const PENALTY_CSV =
  '行政相对人名称,处罚类别,罚款金额(万元)\r\n' +
  '"北京某某科技有限公司, 海淀分公司","警告;罚款",0.5\r\n' +
  '\r\n' +
  '"张三","罚款\r\n（多行备注）",1\r\n';

describe('readTable: CSV encodings', () => {
  const expected = [
    { rowNumber: 2, cells: ['北京某某科技有限公司, 海淀分公司', '警告;罚款', '0.5'] },
    // Row 3 is blank: skipped, but counted, as Excel shows it.
    { rowNumber: 4, cells: ['张三', '罚款\r\n（多行备注）', '1'] },
  ];

  it.each([
    ['UTF-8', Buffer.from(PENALTY_CSV, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([UTF8_BOM, Buffer.from(PENALTY_CSV, 'utf8')]), 'utf-8'],
    ['GB18030 (Excel on Chinese Windows)', iconv.encode(PENALTY_CSV, 'gb18030'), 'gb18030'],
  ])('reads %s from bytes and from a path alike', async (_name, bytes, encoding) => {
    for (const input of [{ bytes }, { path: file(bytes) }]) {
      const { table, rows } = await readAll(input);
      expect(table.format).toBe('csv');
      expect(table.headers).toEqual(['行政相对人名称', '处罚类别', '罚款金额(万元)']);
      expect(table.headerRowNumber).toBe(1);
      expect(rows).toEqual(expected);
      expect(table.encoding).toBe(encoding);
    }
  });

  it('keeps a UTF-8 character cut by the sniff window whole', async () => {
    // The window starts at the first non-ASCII byte (offset 0) and ends at the first 64 KiB chunk
    // boundary: pad so that the boundary falls inside the 3-byte 乙 (bytes 65535–65537).
    const head = '名称,b\n甲,1\n';
    const lines = `${'x'.repeat(99)}\n`.repeat(600);
    const pad = 'y'.repeat(SNIFF_BYTES - 1 - Buffer.byteLength(head + lines));
    const bytes = Buffer.from(`${head}${lines}${pad}乙丙\n`, 'utf8');
    expect(bytes.subarray(SNIFF_BYTES - 1, SNIFF_BYTES + 2).toString('utf8')).toBe('乙');
    const { table, rows } = await readAll({ bytes });
    expect(table.encoding).toBe('utf-8');
    expect(rows[0]?.cells).toEqual(['甲', '1']);
    expect(rows.at(-1)?.cells).toEqual([`${pad}乙丙`]);
  });

  it.each([
    ['utf-8', (s: string) => Buffer.from(s, 'utf8')],
    ['gb18030', (s: string) => iconv.encode(s, 'gb18030')],
  ])(
    'decodes %s fed one byte at a time through a tiny window (multi-byte and 4-byte characters)',
    async (encoding, encode) => {
      const text = 'id,名称\n1,北京市海淀区㐀𠀀€ 中关村\n';
      const decoder = new DecodeToUtf8(5);
      const bytes = encode(text);
      const chunks: Buffer[] = [];
      decoder.on('data', (c: Buffer) => chunks.push(c));
      await new Promise<void>((resolve, reject) => {
        decoder.on('end', resolve).on('error', reject);
        for (const byte of bytes) decoder.write(Buffer.from([byte]));
        decoder.end();
      });
      expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
      expect(decoder.encoding).toBe(encoding);
    },
  );

  it('decodes any GB18030 text however the bytes are chunked (property)', async () => {
    const alphabet = [...'ab1,"\n 中文海淀区㐀𠀀𪚥€°é１；'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 30 }),
        async (chars, sizes) => {
          // Starts with a GB18030 character that is invalid UTF-8, so a 2-byte window decides.
          const text = `名${chars.join('')}`;
          const bytes = iconv.encode(text, 'gb18030');
          const decoder = new DecodeToUtf8(2);
          const out: Buffer[] = [];
          decoder.on('data', (c: Buffer) => out.push(c));
          const ended = new Promise((resolve) => decoder.on('end', resolve));
          for (let at = 0, i = 0; at < bytes.length; i += 1) {
            const size = sizes[i % sizes.length] ?? 1;
            decoder.write(bytes.subarray(at, at + size));
            at += size;
          }
          decoder.end();
          await ended;
          expect(Buffer.concat(out).toString('utf8')).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('treats a pure-ASCII file as UTF-8', async () => {
    const { table, rows } = await readAll({ bytes: Buffer.from('CF_WSH,CF_XDR_MC\nA-1,ACME\n') });
    expect(table.encoding).toBe('utf-8');
    expect(rows).toEqual([{ rowNumber: 2, cells: ['A-1', 'ACME'] }]);
  });

  it('refuses a file that starts as UTF-8 and turns into something else, naming the line', async () => {
    const start = Buffer.from(`名称,金额\n${'甲公司,1\n'.repeat(10_000)}`, 'utf8');
    const bytes = Buffer.concat([start, iconv.encode('乙公司,2\n', 'gb18030')]);
    const error = await refusal(async () => rowsOf(await readTable({ bytes })));
    expect(error.code).toBe('ingest.encoding_invalid');
    expect(error.row).toBe(10_002);
  });

  it('refuses UTF-16 ("Unicode text") with a way out', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\r\n', 'utf16le')]);
    const error = await refusal(() => readTable({ bytes }));
    expect(error.code).toBe('ingest.utf16_unsupported');
    expect(error.text.zh).toContain('CSV');
  });
});

describe('readTable: CSV shapes', () => {
  it('reads CRLF, LF and quoted cells with commas, quotes and line breaks', async () => {
    const csv = 'a,b,c\r\n"1,5","say ""hi""","line1\nline2"\n x ,,\r\n';
    const { rows } = await readAll({ bytes: Buffer.from(csv) });
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['1,5', 'say "hi"', 'line1\nline2'] },
      // Trailing empty cells are dropped; cells are returned untrimmed (validation cleans them).
      { rowNumber: 3, cells: [' x '] },
    ]);
  });

  it('counts rows as Excel does when a quoted cell spans lines', async () => {
    const csv = 'a,b\n"x\ny\nz",1\n2,3\n';
    const { rows } = await readAll({ bytes: Buffer.from(csv) });
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  it('reads a lone quote inside an unquoted cell as text', async () => {
    const { rows } = await readAll({ bytes: Buffer.from('a,b\n5" screen,2\n') });
    expect(rows[0]?.cells).toEqual(['5" screen', '2']);
  });

  it('keeps cells beyond the header so that a shifted row can be detected', async () => {
    const { table, rows } = await readAll({ bytes: Buffer.from('a,b\n1,2,3\n') });
    expect(table.headers).toEqual(['a', 'b']);
    expect(rows[0]?.cells).toEqual(['1', '2', '3']);
  });

  it('skips leading blank rows: the header is the first non-blank row, with its own row number', async () => {
    const { table, rows } = await readAll({ bytes: Buffer.from('\n,,\na,b\n1,2\n') });
    expect(table.headerRowNumber).toBe(3);
    expect(table.headers).toEqual(['a', 'b']);
    expect(rows).toEqual([{ rowNumber: 4, cells: ['1', '2'] }]);
  });

  it('refuses an unclosed quote with the row it starts on', async () => {
    const error = await refusal(async () => rowsOf(await readTable({ bytes: Buffer.from('a,b\n1,2\n"3,4\n') })));
    expect(error.code).toBe('ingest.csv_malformed');
    expect(error.row).toBe(3);
  });

  it('stops cleanly when the reader stops early', async () => {
    const csv = `a,b\n${'1,2\n'.repeat(50_000)}`;
    const table = await readTable({ path: file(csv) });
    let seen = 0;
    for await (const _row of table.rows) {
      seen += 1;
      if (seen === 3) break;
    }
    expect(seen).toBe(3);
    await table.close();
  });
});

describe('readTable: limits and refusals', () => {
  it('refuses a 1,000-column file on its header row', async () => {
    const header = Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',');
    const error = await refusal(() => readTable({ bytes: Buffer.from(`${header}\n1\n`) }));
    expect(error.code).toBe('ingest.too_many_columns');
    expect(error.row).toBe(1);
    expect(error.details).toMatchObject({ columns: 1000, limit: 200 });
  });

  it('accepts up to maxColumns and refuses a data row wider than it', async () => {
    const row = (n: number) => Array.from({ length: n }, () => 'x').join(',');
    const { table } = await readAll({ bytes: Buffer.from(`${row(200)}\n${row(200)}\n`) });
    expect(table.headers).toHaveLength(200);
    const error = await refusal(async () =>
      rowsOf(await readTable({ bytes: Buffer.from(`${row(10)}\n${row(10)}\n${row(201)}\n`) })),
    );
    expect(error).toMatchObject({ code: 'ingest.too_many_columns', row: 3 });
  });

  it('refuses a 10 MB cell with its row and column, without reading it whole', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 'x');
    const bytes = Buffer.concat([Buffer.from('名称,违法事实\n甲,短\n乙,"'), big, Buffer.from('"\n')]);
    const error = await refusal(async () => rowsOf(await readTable({ path: file(bytes) })));
    expect(error).toMatchObject({ code: 'ingest.cell_too_large', row: 3, column: 2 });
    expect(error.text.zh).toContain('第 3 行 B 列');
    expect(error.text.zh).toContain('32 KiB');
  });

  it('refuses a cell just over maxCellBytes, counting UTF-8 bytes', async () => {
    const cell = '汉'.repeat(11); // 33 bytes
    const error = await refusal(async () =>
      rowsOf(await readTable({ bytes: Buffer.from(`a\n${cell}\n`) }, { maxCellBytes: 32 })),
    );
    expect(error).toMatchObject({ code: 'ingest.cell_too_large', row: 2, column: 1 });
  });

  it('refuses a file over maxFileBytes, from a path and from bytes', async () => {
    const bytes = Buffer.from(`a,b\n${'1,2\n'.repeat(1000)}`);
    for (const input of [{ bytes }, { path: file(bytes) }]) {
      const error = await refusal(() => readTable(input, { maxFileBytes: 1000 }));
      expect(error.code).toBe('ingest.file_too_large');
      expect(error.status).toBe(413);
    }
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'ingest.file_empty'],
    ['a BOM and blank lines', Buffer.concat([UTF8_BOM, Buffer.from('\r\n  \r\n')]), 'ingest.file_empty'],
    ['only separators (no header row)', Buffer.from(',,,\r\n,,\r\n'), 'ingest.no_header'],
  ])('refuses %s', async (_name, bytes, code) => {
    const error = await refusal(() => readTable({ bytes }));
    expect(error.code).toBe(code);
  });

  it('refuses an old .xls (OLE compound file), even when named .xlsx', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    ole.writeUInt16LE(9, 0x1e);
    ole.writeUInt32LE(1, 0x30);
    Buffer.from('Workbook', 'utf16le').copy(ole, 1024);
    const error = await refusal(() => readTable({ path: file(ole) }, { format: 'xlsx' }));
    expect(error.code).toBe('ingest.xls_unsupported');
    expect(error.text.zh).toContain('.xls');
  });

  it('recognises an encrypted XLSX by the streams in its OLE directory, however far it is', async () => {
    const ole = Buffer.alloc(200 * 1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    ole.writeUInt16LE(9, 0x1e);
    const sector = 300; // directory at (300 + 1) × 512 bytes, beyond the sniffed prefix
    ole.writeUInt32LE(sector, 0x30);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, (sector + 1) * 512 + 128);
    for (const input of [{ bytes: ole }, { path: file(ole) }]) {
      expect((await refusal(() => readTable(input))).code).toBe('ingest.xlsx_encrypted');
    }
  });

  it('refuses a binary that is neither CSV nor XLSX, and text when XLSX is expected', async () => {
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00]);
    expect((await refusal(() => readTable({ bytes: binary }))).code).toBe('ingest.binary_file');
    const text = Buffer.from('a,b\n1,2\n');
    expect((await refusal(() => readTable({ bytes: text }, { format: 'xlsx' }))).code).toBe('ingest.not_xlsx');
  });

  it('refuses a damaged zip as a damaged XLSX', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 0x41)]);
    expect((await refusal(async () => rowsOf(await readTable({ bytes })))).code).toBe('ingest.xlsx_corrupt');
  });

  it('refuses an XLSX when a CSV was expected, naming what it is', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('a').addRow(['x']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const error = await refusal(() => readTable({ bytes }, { format: 'csv' }));
    expect(error.code).toBe('ingest.format_mismatch');
  });
});

describe('readTable: XLSX', () => {
  async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    build(workbook);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('reads the first worksheet with cell values as a clerk sees them', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('数据');
      sheet.addRow(['名称', '日期', '金额', '说明', '公式', '链接', '布尔', '错误']);
      const row = sheet.addRow([
        { richText: [{ text: '北京' }, { text: '某某', font: { bold: true } }, { text: '公司' }] },
        new Date(Date.UTC(2024, 2, 5)),
        12.5,
        '  保留原样  ',
        { formula: 'C2*2', result: 25 },
        { text: '信用中国', hyperlink: 'https://www.creditchina.gov.cn' },
        true,
        { error: '#N/A' },
      ]);
      row.getCell(2).numFmt = 'yyyy-mm-dd';
      sheet.addRow([]);
      sheet
        .addRow([
          '乙',
          { formula: 'DATE(2024,3,5)', result: 45356 },
          0.1 + 0.2,
          1e-7,
          { formula: '0.1+0.2', result: 0.30000000000000004 },
          123456789012345,
          false,
          null,
        ])
        .getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
      workbook.addWorksheet('第二页').addRow(['不应读取']);
    });
    const { table, rows } = await readAll({ bytes });
    expect(table.format).toBe('xlsx');
    expect(table.encoding).toBeNull();
    expect(table.headers).toEqual(['名称', '日期', '金额', '说明', '公式', '链接', '布尔', '错误']);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        cells: ['北京某某公司', '2024-03-05', '12.5', '  保留原样  ', '25', '信用中国', 'TRUE', '#N/A'],
      },
      { rowNumber: 4, cells: ['乙', '2024-03-05', '0.3', '0.0000001', '0.3', '123456789012345', 'FALSE'] },
    ]);
  });

  it('detects XLSX from the bytes whatever the file is called', async () => {
    const bytes = await xlsx((workbook) => workbook.addWorksheet('s').addRows([['a'], ['1']]));
    const { table, rows } = await readAll({ path: file(bytes) });
    expect(table.format).toBe('xlsx');
    expect(rows).toEqual([{ rowNumber: 2, cells: ['1'] }]);
  });

  it('applies the column and cell limits to XLSX too', async () => {
    const wide = await xlsx((workbook) => workbook.addWorksheet('s').addRow(Array.from({ length: 300 }, () => 'h')));
    expect((await refusal(() => readTable({ bytes: wide }))).code).toBe('ingest.too_many_columns');
    const big = await xlsx((workbook) =>
      workbook.addWorksheet('s').addRows([
        ['a', 'b'],
        ['1', 'x'.repeat(40_000)],
      ]),
    );
    const error = await refusal(async () => rowsOf(await readTable({ bytes: big })));
    expect(error).toMatchObject({ code: 'ingest.cell_too_large', row: 2, column: 2 });
  });

  it('fails, rather than waits forever, when the source breaks in the middle of a workbook', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('s');
      for (let i = 0; i < 5000; i += 1) sheet.addRow([`row ${i}`, i]);
    });
    const source = new Readable({ read() {} });
    source.push(bytes.subarray(0, 4096));
    setTimeout(() => source.destroy(new Error('EIO: the disk went away')), 20);
    const rows = xlsxRows(source, { maxColumns: 200, maxCellBytes: 32 * 1024 });
    const error = await refusal(async () => {
      for await (const _row of rows) void _row;
    });
    expect(error.code).toBe('ingest.xlsx_corrupt');
  });

  it('refuses a workbook whose first sheet is empty', async () => {
    const bytes = await xlsx((workbook) => workbook.addWorksheet('空'));
    expect((await refusal(() => readTable({ bytes }))).code).toBe('ingest.file_empty');
  });

  it('reads the same rows when the shared strings move to disk, and deletes every temporary file', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('数据');
      sheet.addRow(['名称', '文书号', '说明']);
      for (let i = 0; i < 500; i += 1)
        sheet.addRow([
          `北京第${i}号科技有限公司`,
          `京海市监罚〔2026〕${i}号`,
          i % 7 === 0 ? { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] } : '',
        ]);
      workbook.addWorksheet('字典').addRows([['甲'], ['乙']]);
    });
    const ours = () =>
      readdirSync(tmpdir()).filter(
        (name) => name.startsWith(`tmp-${process.pid}-`) || name.startsWith('xinyong-xlsx-'),
      );
    const before = ours().length;
    const read = async (inMemory?: number) => {
      const out = [];
      for await (const row of xlsxRows(Readable.from([bytes]), { maxColumns: 10, maxCellBytes: 1024 }, inMemory))
        out.push(row);
      return out;
    };
    const inMemory = await read();
    const onDisk = await read(64);
    expect(onDisk).toEqual(inMemory);
    expect(onDisk).toHaveLength(501);
    expect(onDisk[1]!.cells).toEqual(['北京第0号科技有限公司', '京海市监罚〔2026〕0号', '富文本']);
    expect(onDisk[500]!.cells).toEqual(['北京第499号科技有限公司', '京海市监罚〔2026〕499号']);
    // The worksheets' copies are deleted in the background once the first sheet is read.
    await expect.poll(() => ours().length).toBe(before);
  });

  it('reads every row of a larger sheet with its row number', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('s');
      sheet.addRow(['n']);
      for (let i = 0; i < 2000; i += 1) sheet.addRow([i]);
    });
    const { rows } = await readAll({ bytes });
    expect(rows).toHaveLength(2000);
    expect(rows.at(-1)).toEqual({ rowNumber: 2001, cells: ['1999'] });
  });
});
