import { toCsv } from './csv';

describe('toCsv', () => {
  it('ends every line, the last too, with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });

  it('quotes fields holding commas, quotes or line breaks, doubling the quotes', () => {
    expect(toCsv(['text'], [['a,b'], ['say "hi"'], ['two\nlines'], ['cr\rhere']])).toBe(
      'text\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\rhere"\r\n',
    );
  });

  it('writes null as an empty field and numbers as numbers, negatives unprefixed', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, -0.25, 12]])).toBe('a,b,c\r\n,-0.25,12\r\n');
  });

  it.each(['=1+1', '+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises the spreadsheet formula %j with a leading quote',
    (cell) => {
      const line = toCsv(['x'], [[cell]]).split('\r\n')[1]!;
      expect(line.replace(/^"|"$/g, '').startsWith(`'${cell.charAt(0)}`)).toBe(true);
    },
  );

  it('quotes a neutralised formula that also holds a comma', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil",1)']])).toBe('x\r\n"\'=HYPERLINK(""http://evil"",1)"\r\n');
  });

  it('leaves ordinary text, and formula characters after the first, alone', () => {
    expect(toCsv(['x'], [['a=b'], ['plain']])).toBe('x\r\na=b\r\nplain\r\n');
  });

  it('neutralises header cells too', () => {
    expect(toCsv(['=cmd'], [])).toBe("'=cmd\r\n");
  });
});
