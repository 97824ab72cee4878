import { describe, expect, it } from "vitest";
import { fixtureFiles, readCodaFixture } from "./bank-fixtures.test-support";
import { BankStatementError } from "./bank-statement-error";
import { parseCoda } from "./parse-coda";
import { sumStatementLines } from "./statement-totals";
import type { BankStatement, StatementLine, StatementWarningCode } from "./statement-types";

const OCA = "oca-l10n-belgium_Ontvangen_CODA.2012-01-11-18.59.15.txt";
const SAMPLE1 = "php-coda-parser_sample1.cod";
const SAMPLE5 = "php-coda-parser_sample5.cod";
const SAMPLE7 = "php-coda-parser_sample7.cod";
const GLOBALISATION = "pycoda_Coda_v2_3_globalisation.txt";
const SINGLE = "pycoda_Coda_v2_3_single_statement.txt";

function only(statements: BankStatement[]): BankStatement {
  expect(statements).toHaveLength(1);
  const [statement] = statements;
  if (!statement) throw new Error("no statement");
  return statement;
}

function lineOf(statement: BankStatement, lineId: string): StatementLine {
  const line = statement.lines.find((candidate) => candidate.lineId === lineId);
  if (!line) throw new Error(`no line ${lineId}`);
  return line;
}

function expectError(text: string, code: string, message?: RegExp) {
  try {
    parseCoda(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BankStatementError);
    expect((error as BankStatementError).code).toBe(code);
    if (message) expect((error as BankStatementError).message).toMatch(message);
    return;
  }
  throw new Error(`expected a ${code} error`);
}

describe("parseCoda on every real fixture", () => {
  // Counts and sums checked by hand against the records (see README "Fixtures").
  interface Expected {
    file: string;
    statementId: string;
    account: string;
    date: string;
    lineCount: number;
    credits: number;
    debits: number;
    opening: number;
    closing: number;
    /** Whether opening + Σ = closing holds in the file itself. */
    balanced: boolean;
    warnings: StatementWarningCode[];
  }
  const noteworthy: StatementWarningCode[] = [
    "invalid_account",
    "invalid_structured_communication",
    "balance_mismatch",
    "trailer_record_count_mismatch",
    "trailer_totals_mismatch",
  ];
  const expected: Expected[] = [
    {
      file: OCA,
      statementId: "2012/135/003",
      account: "BE46737018594236",
      date: "2012-01-11",
      lineCount: 5,
      credits: 310819,
      debits: 139308,
      opening: 1181270,
      closing: 1364605,
      balanced: false,
      warnings: ["balance_mismatch"],
    },
    {
      file: SAMPLE1,
      statementId: "2017/139/138",
      account: "BE12138536152215",
      date: "2017-10-11",
      lineCount: 4,
      credits: 8000,
      debits: 0,
      opening: 1775212,
      closing: 1783212,
      balanced: true,
      warnings: ["invalid_account", "invalid_structured_communication"],
    },
    {
      file: SAMPLE5,
      statementId: "2015/155/255",
      account: "BE53001548226815",
      date: "2015-05-12",
      lineCount: 3,
      credits: 630346,
      debits: 0,
      opening: 400410,
      closing: -50001210,
      balanced: false,
      warnings: noteworthy,
    },
    {
      file: SAMPLE7,
      statementId: "2017/139/138",
      account: "BE12138536152215",
      date: "2017-10-11",
      lineCount: 3,
      credits: 0,
      debits: 7500,
      opening: 1775212,
      closing: 1783212,
      balanced: false,
      warnings: noteworthy,
    },
    {
      file: GLOBALISATION,
      statementId: "2014/159/159",
      account: "BE12341676096039",
      date: "2014-12-10",
      lineCount: 4,
      credits: 27627000,
      debits: 54430,
      opening: -45517,
      closing: 27527053,
      balanced: true,
      warnings: ["duplicate_file", "invalid_account"],
    },
    {
      file: SINGLE,
      statementId: "2009/042/002",
      account: "BE86407051416150",
      date: "2009-03-05",
      lineCount: 30,
      credits: 6470301,
      debits: 6470301,
      opening: 0,
      closing: 0,
      balanced: true,
      warnings: [],
    },
  ];

  it("covers every CODA file in the fixtures folder", () => {
    expect(fixtureFiles("bank/coda")).toEqual(expected.map(({ file }) => file).sort());
  });

  it.each(expected)("$file → $statementId", (row) => {
    const statement = only(parseCoda(readCodaFixture(row.file)));
    expect(statement).toMatchObject({
      format: "coda",
      statementId: row.statementId,
      accountIban: row.account,
      currency: "EUR",
      date: row.date,
      openingBalanceCents: row.opening,
      closingBalanceCents: row.closing,
    });
    expect(statement.lines).toHaveLength(row.lineCount);
    expect(sumStatementLines(statement.lines)).toEqual({
      creditsCents: row.credits,
      debitsCents: row.debits,
    });
    expect(row.opening + row.credits - row.debits === row.closing).toBe(row.balanced);
    expect([...new Set(statement.warnings.map((warning) => warning.code))]).toEqual(row.warnings);
    // Line ids are unique: they are the idempotency key of a re-import.
    expect(new Set(statement.lines.map((line) => line.lineId)).size).toBe(row.lineCount);
    for (const line of statement.lines) {
      expect(Number.isSafeInteger(line.amountCents)).toBe(true);
      expect(line.amountCents).not.toBe(0);
      expect(line.bookingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("reads the OGM of the OCA file and keeps its free texts", () => {
    const statement = only(parseCoda(readCodaFixture(OCA)));
    expect(lineOf(statement, "0002/0000")).toEqual({
      lineId: "0002/0000",
      bookingDate: "2012-01-11",
      valueDate: "2012-01-11",
      amountCents: 304445,
      currency: "EUR",
      bankReference: "OL4414AC8BOVSOVSOVERS",
      transactionCode: "00150000",
      creditorReference: "240283842818",
      structuredCommunication: "240283842818",
      counterpartyAccount: "BE61310126985517",
      counterpartyIban: "BE61310126985517",
      counterpartyName: "PARTNER 2",
    });
    expect(lineOf(statement, "0001/0000")).toMatchObject({
      amountCents: -43500,
      freeText: "MEDEDELING",
      counterpartyName: "PARTNER 1",
    });
    expect(lineOf(statement, "0005/0000")).toMatchObject({
      amountCents: 6374,
      freeText: "TERUGGAVE 37232481 8400083296 .",
      endToEndId: "362/363",
      counterpartyName: "KBC VERZEKERINGEN NV",
    });
    // Type 3 movements keep their amount; their type 8 details (capital/interest) are
    // not booked again.
    expect(lineOf(statement, "0003/0000").amountCents).toBe(-47904);
    expect(statement.lines.map((line) => line.lineId)).not.toContain("0003/0001");
    expect(statement.lines.filter((line) => line.structuredCommunication)).toHaveLength(1);
  });

  it("flags the anonymised OGMs of the php samples instead of trusting them", () => {
    const statement = only(parseCoda(readCodaFixture(SAMPLE1)));
    expect(
      statement.lines.map((line) => [line.creditorReference, line.structuredCommunication]),
    ).toEqual([
      ["000003505158", undefined],
      ["000003515846", undefined],
      ["000003154982", undefined],
      ["000002133131", undefined],
    ]);
    expect(
      statement.warnings.filter((warning) => warning.code === "invalid_structured_communication"),
    ).toHaveLength(4);
    expect(lineOf(statement, "0004/0000").counterpartyName).toBe("KLANT4 - NAAM4 MET");
  });

  it("glues a free communication cut across records 2.1, 2.2 and 2.3", () => {
    const single = only(parseCoda(readCodaFixture(SINGLE)));
    // 2.1 ends with "LOON", 2.2 starts with "VERLIES": one Dutch word, cut by the layout.
    expect(lineOf(single, "0011/0000")).toMatchObject({
      amountCents: 14830,
      freeText: "ONG. SG 20-4203595 LOONVERLIES HAMERLYNCK TONY",
      counterpartyName: "VIVIUM",
      counterpartyAccount: "310180203454",
      counterpartyIban: "BE42310180203454",
    });
    const sample5 = only(parseCoda(readCodaFixture(SAMPLE5)));
    expect(lineOf(sample5, "0001/0000").freeText).toBe(
      "112/4554/46812 813 ANOTHER MESSAGE MESSAGE",
    );
    expect(lineOf(sample5, "0002/0000")).toMatchObject({
      creditorReference: "112455446812",
      counterpartyName: "BVBA.BAKKER PIET",
    });
    expect(lineOf(sample5, "0002/0000").freeText).toBeUndefined();
  });

  it("books globalised details instead of their total, never both", () => {
    const single = only(parseCoda(readCodaFixture(SINGLE)));
    const ids = single.lines.map((line) => line.lineId);
    // Sequence 17: a bank total (type 2) of 2 608,00 and 14 details (type 6) adding up.
    expect(ids).not.toContain("0017/0000");
    expect(ids.filter((id) => id.startsWith("0017/"))).toHaveLength(14);
    expect(
      single.lines
        .filter((line) => line.lineId.startsWith("0017/"))
        .reduce((sum, line) => sum + line.amountCents, 0),
    ).toBe(-260800);
    expect(lineOf(single, "0016/0001").amountCents).toBe(6209501);
    // The trailer of this file agrees: 64 703,01 debits and credits.
    expect(single.warnings).toEqual([]);

    const globalisation = only(parseCoda(readCodaFixture(GLOBALISATION)));
    // Type 3 with a type 8 detail (structured type 105): the detail is information.
    expect(globalisation.lines.map((line) => [line.lineId, line.amountCents])).toEqual([
      ["0001/0000", 11313500],
      ["0002/0000", 11313500],
      ["0003/0000", 5000000],
      ["0004/0000", -54430],
    ]);
    // Structured types other than 101/102 are neither an OGM nor free text.
    expect(lineOf(globalisation, "0004/0000").freeText).toBeUndefined();
    expect(lineOf(globalisation, "0004/0000").creditorReference).toBeUndefined();

    // sample7: a type 1 total whose details are (wrongly) typed 0, numbered 0002-0004.
    const sample7 = only(parseCoda(readCodaFixture(SAMPLE7)));
    // Outgoing payments with (anonymised, invalid) OGMs: kept raw, never validated.
    expect(
      sample7.lines.map((line) => [
        line.lineId,
        line.amountCents,
        line.creditorReference,
        line.structuredCommunication,
      ]),
    ).toEqual([
      ["0001/0002", -2500, "000003515846", undefined],
      ["0001/0003", -2000, "000003154982", undefined],
      ["0001/0004", -3000, "000002133131", undefined],
    ]);
  });

  it("reads several statements from one text", () => {
    const statements = parseCoda(`${readCodaFixture(OCA)}\n${readCodaFixture(SINGLE)}`);
    expect(statements.map((statement) => [statement.statementId, statement.lines.length])).toEqual([
      ["2012/135/003", 5],
      ["2009/042/002", 30],
    ]);
  });

  it("reads two statements between one header and one trailer", () => {
    const records = readCodaFixture(SAMPLE1).split("\n");
    const header = records[0] ?? "";
    const body = records.slice(1, -1);
    const trailer = (records.at(-1) ?? "").replace(
      "000022000000000000000000000000080000",
      "000044000000000000000000000000160000",
    );
    const statements = parseCoda([header, ...body, ...body, trailer].join("\n"));
    expect(statements).toHaveLength(2);
    expect(statements.flatMap((statement) => statement.warnings.map((w) => w.code))).not.toContain(
      "trailer_totals_mismatch",
    );
  });
});

describe("parseCoda refuses what it cannot trust", () => {
  const oca = readCodaFixture(OCA);
  const records = oca.split("\n").filter((record) => record !== "");

  it("a file cut before its trailer or new balance", () => {
    expectError(records.slice(0, -1).join("\n"), "truncated", /record 9/);
    expectError(records.slice(0, -2).join("\n"), "truncated", /record 8/);
    expectError(records.slice(0, 10).join("\n"), "truncated");
  });

  it("a record that is too long (text decoded with the wrong encoding)", () => {
    const mangled = oca.replace("PARTNER 2", "PARTNÃ©R 2");
    expectError(mangled, "invalid_record", /this one has 129/);
  });

  it("unknown record types, non-digit amounts, out-of-place records", () => {
    expectError(oca.replace("\n2200010000", "\n7700010000"), "invalid_record", /record type/);
    expectError(oca.replace("0000000003044450", "00000000030X4450"), "invalid_record", /digits/);
    expectError(records.slice(1).join("\n"), "invalid_record", /before the header/);
    expectError([records[0], records[2]].join("\n"), "invalid_record", /outside a statement/);
    // A 2.3 of sequence 0002 after the 2.1 of sequence 0001.
    expectError(
      oca.replace("2300010000BE41", "2300020000BE41"),
      "invalid_record",
      /does not continue/,
    );
  });

  it("an amount with a non-zero third decimal (not whole cents)", () => {
    expectError(oca.replace("0000000003044450", "0000000003044455"), "invalid_amount");
  });

  it("impossible dates", () => {
    expectError(oca.replace("0000000003044450110112", "0000000003044450310212"), "invalid_date");
  });

  it("CODA version 1", () => {
    expectError(oca.replace(/2\n12135/, "1\n12135"), "unsupported_format", /version/);
  });

  it("empty text", () => {
    expectError("\n\n", "empty");
  });
});
