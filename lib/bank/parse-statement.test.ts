import { describe, expect, it } from "vitest";
import { readBankFixture } from "./bank-fixtures.test-support";
import { BankStatementError } from "./bank-statement-error";
import { detectFormat } from "./detect-format";
import { parseStatement } from "./parse-statement";

const OCA = "coda/oca-l10n-belgium_Ontvangen_CODA.2012-01-11-18.59.15.txt";
const CH = "camt053/oca-bank-statement-import_test-camt053-txdtls.xml";

function expectError(input: Uint8Array | string, code: string, message?: RegExp) {
  try {
    parseStatement(input);
  } catch (error) {
    expect(error).toBeInstanceOf(BankStatementError);
    expect((error as BankStatementError).code).toBe(code);
    if (message) expect((error as BankStatementError).message).toMatch(message);
    return;
  }
  throw new Error(`expected a ${code} error`);
}

/** The OCA CODA with its counterparty "PARTNER 2" renamed to 9 characters with an accent. */
function accentedCoda(): string {
  return readBankFixture(OCA).toString("latin1").replace("PARTNER 2", "CAFÉ BRUL");
}

describe("detectFormat", () => {
  it.each([
    ["0000011011272505        00178299", "coda"],
    ["\uFEFF\r\n0000011011272505", "coda"],
    ['<?xml version="1.0"?><Document><BkToCstmrStmt>', "camt053"],
    ["<ns:Document xmlns:ns='x'><ns:BkToCstmrStmt>", "camt053"],
  ])("%j → %s", (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it.each([
    ["", "empty"],
    ["   \n", "empty"],
    ["<Document><BkToCstmrAcctRpt>", "unsupported_format"],
    ["<Document><BkToCstmrDbtCdtNtfctn>", "unsupported_format"],
    ["<Document><CstmrCdtTrfInitn>", "unsupported_format"],
    [":20:STARTUMS\n:25:BE68539007547034", "unsupported_format"],
    ["{1:F01KREDBEBBAXXX0000000000}", "unsupported_format"],
    ["<html><body>Your statement</body></html>", "unknown_format"],
    ["Date;Amount;Description\n2026-03-01;12,10;x", "unknown_format"],
    ["1234567890", "unknown_format"],
  ])("%j → %s", (text, code) => {
    expect(() => detectFormat(text)).toThrow(expect.objectContaining({ code }) as Error);
  });
});

describe("parseStatement from bytes", () => {
  it("reads every fixture from its bytes", () => {
    expect(parseStatement(readBankFixture(OCA))[0]?.lines).toHaveLength(5);
    expect(parseStatement(readBankFixture(CH))[0]?.lines).toHaveLength(2);
  });

  it("reads a Latin-1 CODA and the same file saved as UTF-8 (with or without BOM) alike", () => {
    const text = accentedCoda();
    const latin1 = Buffer.from(text, "latin1");
    const utf8 = Buffer.from(text, "utf8");
    const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect(latin1.length).toBe(utf8.length - 1);
    for (const bytes of [latin1, utf8, utf8Bom]) {
      const [statement] = parseStatement(bytes);
      expect(statement?.lines[1]?.counterpartyName).toBe("CAFÉ BRUL");
    }
  });

  it("reads Windows-1252 characters of a CODA (€, curly quote)", () => {
    // Same length as "PARTNER 2"; € and ’ are the Windows-1252 bytes 0x80 and 0x92.
    const text = readBankFixture(OCA)
      .toString("latin1")
      .replace("PARTNER 2", "PARTNER\u0080\u0092");
    const [statement] = parseStatement(Buffer.from(text, "latin1"));
    expect(statement?.lines[1]?.counterpartyName).toBe("PARTNER\u20ac\u2019");
  });

  it("reads a camt.053 saved as UTF-16 with a byte-order mark", () => {
    const xml = readBankFixture(CH)
      .toString("utf8")
      .replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    const [statement] = parseStatement(utf16);
    expect(statement?.lines.map((line) => line.amountCents)).toEqual([218700, 129600]);
  });

  it("tolerates blank lines and a BOM before the XML declaration", () => {
    const xml = readBankFixture(CH).toString("utf8");
    expect(parseStatement(`\r\n  ${xml}`)[0]?.lines).toHaveLength(2);
    expect(parseStatement(Buffer.from(`\uFEFF\n${xml}`))[0]?.lines).toHaveLength(2);
  });

  it("reads a camt.053 declared ISO-8859-1", () => {
    const xml = readBankFixture(CH)
      .toString("utf8")
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace("Banque Cantonale Vaudoise</Nm>", "Banque Cantonale Vaudoise Genève</Nm>");
    const [statement] = parseStatement(Buffer.from(xml, "latin1"));
    expect(statement?.lines[0]?.counterpartyName).toBe("Banque Cantonale Vaudoise Genève");
  });

  it("refuses a camt.053 whose bytes are not the encoding it declares", () => {
    const xml = readBankFixture(CH).toString("utf8");
    expectError(Buffer.from(xml, "latin1"), "encoding", /not valid utf-8/i);
  });

  it("refuses UTF-16 without a byte-order mark, binary files and empty files", () => {
    expectError(Buffer.from(readBankFixture(OCA).toString("latin1"), "utf16le"), "encoding", /NUL/);
    expectError(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj", "latin1"), "unknown_format", /PDF/);
    expectError(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), "unknown_format");
    expectError(Buffer.alloc(0), "empty");
    expectError(Buffer.from(" \n"), "empty");
  });

  it("refuses a CODA whose text was decoded with the wrong encoding upstream", () => {
    // UTF-8 bytes read as Latin-1 before reaching us: "É" became "Ã‰", one character more.
    const mojibake = Buffer.from(accentedCoda(), "utf8").toString("latin1");
    expectError(mojibake, "invalid_record", /wrong encoding/);
  });

  it("refuses garbage", () => {
    expectError("hello world", "unknown_format");
    expectError(Buffer.from("00000garbage"), "unknown_format");
    expectError("0000011011272505 and then nothing", "invalid_record");
  });
});
