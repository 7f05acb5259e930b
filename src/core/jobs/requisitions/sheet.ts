/**
 * The requisitions sheet ("Rekvisitioner"): one row per recipient of the maxima (maximum,
 * requested, approved, extra from re-distribution, final, status in words, message), a
 * total row of SUM formulas, a summary whose amounts are formulas over the table, the
 * requisitions with remarks (each message starts with its cell), and the parameters in
 * words a committee reads. Statuses are words first; colour only repeats them.
 */
import { formatDate } from "../../dates";
import { type Decimal, ZERO, moneyNumberFormat } from "../../money";
import { type Lang, describeProblem } from "../../problems";
import { type SheetCell, type SheetModel, type StyleBlock } from "../../sheets/sheet-model";
import { SheetBuilder, empty, formula, num, sumCell, text } from "../../sheets/builder";
import { cellAddress } from "../../grid";
import type { RecipientLine, RequisitionsRun } from "./requisitions";
import type { CheckedRequisition, LateReason, RequisitionStatus } from "./validation";

export const REQUISITIONS_SHEET_NAME: Record<Lang, string> = {
  sv: "Rekvisitioner",
  en: "Requisitions",
};

export interface RequisitionsSheetContext {
  lang: Lang;
  /** ISO date of the run. */
  date: string;
}

/** A status as a word, so the sheet reads without colour (and prints in black and white). */
export type StatusKind = RequisitionStatus | "none";

const STATUS_WORDS: Record<Lang, Record<StatusKind, string>> = {
  sv: {
    ok: "Godkänd",
    over_max: "Över max",
    unknown: "Okänd mottagare",
    duplicate: "Dubblett",
    invalid_amount: "Felaktigt belopp",
    late: "För sent",
    none: "Ingen rekvisition",
  },
  en: {
    ok: "Approved",
    over_max: "Over maximum",
    unknown: "Unknown recipient",
    duplicate: "Duplicate",
    invalid_amount: "Invalid amount",
    late: "Late",
    none: "No requisition",
  },
};

const NO_DATE_WORDS: Record<Lang, string> = { sv: "Datum saknas", en: "No date" };

/** Excel's own "Good", "Neutral" and "Bad" cell styles, and grey for "no requisition". */
const STATUS_COLOURS: Record<StatusKind, { fill: string; fontColor: string }> = {
  ok: { fill: "#C6EFCE", fontColor: "#006100" },
  over_max: { fill: "#FFEB9C", fontColor: "#9C5700" },
  unknown: { fill: "#FFC7CE", fontColor: "#9C0006" },
  duplicate: { fill: "#FFC7CE", fontColor: "#9C0006" },
  invalid_amount: { fill: "#FFC7CE", fontColor: "#9C0006" },
  late: { fill: "#FFC7CE", fontColor: "#9C0006" },
  none: { fill: "#EDEDED", fontColor: "#3F3F3F" },
};

/** "Godkänd", "Över max", ..., "Datum saknas" for a late requisition without a readable date. */
export function statusWords(status: StatusKind, lang: Lang, lateReason?: LateReason): string {
  if (status === "late" && lateReason !== undefined && lateReason !== "after")
    return NO_DATE_WORDS[lang];
  return STATUS_WORDS[lang][status];
}

const TEXT = {
  sv: {
    title: "Rekvisitioner av statsbidrag",
    code: "Kod",
    name: "Mottagare",
    maximum: "Maxbelopp (kr)",
    requested: "Rekvirerat (kr)",
    approved: "Godkänt (kr)",
    extra: "Omfördelat (kr)",
    final: "Slutligt belopp (kr)",
    status: "Status",
    message: "Meddelande",
    total: "Summa",
    noRequisition: "Ingen rekvisition har kommit in; beloppet ingår i det som inte rekvirerats.",
    summary: "Sammanfattning",
    okCount: "Antal rekvisitioner utan anmärkning",
    problemCount: "Antal rekvisitioner med anmärkning",
    pot: "Pott",
    approvedSum: "Summa godkänt",
    unrequisitioned: "Ej rekvirerat (pott minus godkänt)",
    redistributed: "Omfördelat",
    leftOver: "Kvar efter omfördelning",
    remarks: "Rekvisitioner med anmärkning",
    typed: "Rekvirent (som skriven)",
    ignored: "Rader som inte lästes som mottagare eller rekvisitioner",
    ignoredReason: {
      total: "summarad",
      subtotal: "delsumma",
      "no-key": "ingen nyckel: en avsättning eller ej fördelat belopp, ingen mottagare",
    },
    parameters: "Underlag",
    potSource: (given: boolean) => (given ? "angiven" : "summan av maxbeloppen"),
    deadline: "Sista dag för rekvisition",
    noDeadline: "ingen (datum kontrolleras inte)",
    unit: "Avrundningsenhet (kr)",
    rule: "Omfördelning",
    ruleOn: (byKey: boolean) =>
      `Det som inte rekvirerats fördelas till mottagare som vill ha mer (rekvirerat över maxbeloppet eller angett mer medel), i proportion till ${
        byKey ? "nyckeln" : "maxbeloppen"
      }, aldrig mer än var och en vill ha. Den som nått sitt tak lämnar sin del till de andra i en ny omgång, tills pengarna eller efterfrågan tar slut; sista omgången avrundas till hela enheter efter största rest.`,
    ruleOff: "Ingen omfördelning: det som inte rekvirerats redovisas som kvar.",
    tie: "Vid lika rest",
    tieText: (byKey: boolean) =>
      `${byKey ? "större nyckel" : "större maxbelopp"} först; är även den lika avgör namnet, jämfört tecken för tecken efter teckenkod (versaler före gemener, ä före å)`,
    rounds: "Antal omgångar",
    maximaSource: "Maxbelopp från",
    requisitionsSource: "Rekvisitioner från",
    date: "Datum",
  },
  en: {
    title: "Requisitions of state grant",
    code: "Code",
    name: "Recipient",
    maximum: "Maximum (SEK)",
    requested: "Requested (SEK)",
    approved: "Approved (SEK)",
    extra: "Re-distributed (SEK)",
    final: "Final amount (SEK)",
    status: "Status",
    message: "Message",
    total: "Total",
    noRequisition: "No requisition arrived; the amount is part of what was not requisitioned.",
    summary: "Summary",
    okCount: "Number of requisitions without remarks",
    problemCount: "Number of requisitions with remarks",
    pot: "Pot",
    approvedSum: "Total approved",
    unrequisitioned: "Not requisitioned (pot less approved)",
    redistributed: "Re-distributed",
    leftOver: "Left over after re-distribution",
    remarks: "Requisitions with remarks",
    typed: "Recipient (as typed)",
    ignored: "Rows not read as recipients or requisitions",
    ignoredReason: {
      total: "total",
      subtotal: "subtotal",
      "no-key": "no key: a reserve or an unallocated amount, not a recipient",
    },
    parameters: "Basis",
    potSource: (given: boolean) => (given ? "given" : "the sum of the maxima"),
    deadline: "Requisition deadline",
    noDeadline: "none (dates are not checked)",
    unit: "Rounding unit (SEK)",
    rule: "Re-distribution",
    ruleOn: (byKey: boolean) =>
      `What was not requisitioned goes to the recipients that want more (requested above their maximum or asked for more), in proportion to ${
        byKey ? "the key" : "the maxima"
      }, never more than each wants. Whoever reaches their cap leaves their part to the others in a new round, until the money or the demand runs out; the last round is rounded to whole units by largest remainder.`,
    ruleOff: "No re-distribution: what was not requisitioned is reported as left over.",
    tie: "Equal remainders",
    tieText: (byKey: boolean) =>
      `${byKey ? "larger key" : "larger maximum"} first; if that is equal too, the name decides, compared character by character by character code (capitals before small letters)`,
    rounds: "Rounds",
    maximaSource: "Maxima from",
    requisitionsSource: "Requisitions from",
    date: "Date",
  },
} as const;

type ColumnId =
  "code" | "name" | "maximum" | "requested" | "approved" | "extra" | "final" | "status" | "message";

const MONEY: readonly ColumnId[] = ["maximum", "requested", "approved", "extra", "final"];

function lineStatus(line: RecipientLine): StatusKind {
  return line.requisition?.status ?? "none";
}

export function requisitionsSheet(
  run: RequisitionsRun,
  context: RequisitionsSheetContext
): SheetModel {
  const { lang } = context;
  const t = TEXT[lang];
  const ids: ColumnId[] = [
    ...(run.lines.some((l) => l.recipient.code !== null) ? (["code"] as const) : []),
    "name",
    "maximum",
    "requested",
    "approved",
    ...(run.redistribute ? (["extra", "final"] as const) : []),
    "status",
    "message",
  ];
  const col = (id: ColumnId) => ids.indexOf(id);
  const has = (id: ColumnId) => ids.includes(id);
  const width = ids.length;
  const b = new SheetBuilder(width);
  const row = (entries: Partial<Record<ColumnId, SheetCell>>): SheetCell[] =>
    ids.map((id) => entries[id] ?? empty());
  const moneyFormat = moneyNumberFormat(run.unit);
  const nameHeader = run.maximaColumns.headers[run.maximaColumns.columns.name ?? -1] || t.name;

  b.title(t.title);
  b.blank();
  const headerRow = b.header(
    ids.map((id) => (id === "name" ? nameHeader : t[id])),
    MONEY.filter(has).map(col)
  );
  const statusStyles: StyleBlock[] = [];
  const colour = (r: number, status: StatusKind) =>
    statusStyles.push({
      top: r,
      left: col("status"),
      bottom: r,
      right: col("status"),
      ...STATUS_COLOURS[status],
    });

  const first = b.next;
  for (const line of run.lines) {
    const requisition = line.requisition;
    const status = lineStatus(line);
    const r = b.add(
      row({
        code: line.recipient.code === null ? empty() : text(line.recipient.code),
        name: text(line.recipient.name),
        maximum: num(line.recipient.maximum),
        requested: requisition?.requested ? num(requisition.requested) : empty(),
        approved: num(line.approved),
        extra: num(line.extra),
        final: num(line.final),
        status: text(statusWords(status, lang, requisition?.lateReason)),
        message: text(requisition ? describeProblem(requisition.note, lang) : t.noRequisition),
      })
    );
    colour(r, status);
  }
  const last = b.next - 1;
  const sumOf = (id: ColumnId, value: Decimal) =>
    has(id) ? sumCell(col(id), first, last, value) : empty();
  const sumLines = (pick: (l: RecipientLine) => Decimal | null) =>
    run.lines.reduce((acc, l) => acc.plus(pick(l) ?? 0), ZERO);
  const totalRow = b.total(
    row({
      [ids[0]]: text(t.total),
      maximum: sumOf("maximum", run.maximaSum),
      requested: sumOf(
        "requested",
        sumLines((l) => l.requisition?.requested ?? null)
      ),
      approved: sumOf("approved", run.approved),
      extra: sumOf("extra", run.redistributed),
      final: sumOf("final", run.approved.plus(run.redistributed)),
    }),
    width - 1
  );
  for (const id of MONEY.filter(has)) b.format(col(id), first, totalRow, moneyFormat);
  b.italic(col("message"), first, last);

  // A block: a bold heading, then labels in the name column and values in the maximum column.
  const block = (heading: string, entries: readonly [string, SheetCell][]): number => {
    b.blank();
    const head = b.add(row({ name: text(heading) }));
    b.style({ top: head, left: col("name"), bottom: head, right: col("name"), bold: true });
    for (const [label, value] of entries) b.add(row({ name: text(label), maximum: value }));
    return head + 1;
  };
  const value = (r: number) => cellAddress(r, col("maximum"));

  // Summary: counts as values, amounts as formulas over the table and the pot.
  const okCount = run.requisitions.filter((r) => r.status === "ok").length;
  const summaryFirst = block(t.summary, [
    [t.okCount, num(okCount)],
    [t.problemCount, num(run.requisitions.length - okCount)],
    [t.pot, num(run.pot)],
    [t.approvedSum, formula(cellAddress(totalRow, col("approved")), run.approved)],
    [t.unrequisitioned, num(0)],
    [
      t.redistributed,
      run.redistribute ? formula(cellAddress(totalRow, col("extra")), run.redistributed) : num(0),
    ],
    [t.leftOver, num(0)],
  ]);
  const [potRow, approvedRow, unrequisitionedRow, redistributedRow, leftOverRow] = [
    2, 3, 4, 5, 6,
  ].map((i) => summaryFirst + i);
  b.set(
    unrequisitionedRow,
    col("maximum"),
    formula(`${value(potRow)}-${value(approvedRow)}`, run.unrequisitioned)
  );
  b.set(
    leftOverRow,
    col("maximum"),
    formula(`${value(unrequisitionedRow)}-${value(redistributedRow)}`, run.leftOver)
  );
  b.format(col("maximum"), summaryFirst, summaryFirst + 1, "0");
  b.format(col("maximum"), potRow, leftOverRow, moneyFormat);

  // Requisitions with remarks: every one that is not ok, in input order.
  const remarks = run.requisitions.filter((r) => r.status !== "ok");
  if (remarks.length > 0) {
    b.blank();
    const head = b.add(row({ name: text(t.remarks) }));
    b.style({ top: head, left: col("name"), bottom: head, right: col("name"), bold: true });
    b.header(
      ids.map((id) =>
        id === "name"
          ? t.typed
          : id === "requested" || id === "status" || id === "message"
            ? t[id]
            : ""
      ),
      [col("requested")]
    );
    const from = b.next;
    for (const requisition of remarks) {
      const r = b.add(remarkRow(requisition, row, lang));
      colour(r, requisition.status);
    }
    b.format(col("requested"), from, b.next - 1, moneyFormat);
    b.italic(col("message"), from, b.next - 1);
  }

  const ignored = run.ignored.filter((i) => i.reason !== "total");
  if (ignored.length > 0) {
    b.blank();
    const head = b.add(row({ name: text(t.ignored) }));
    b.style({ top: head, left: col("name"), bottom: head, right: col("name"), bold: true });
    for (const item of ignored)
      b.add(
        row({
          name: text(item.text),
          message: text(`${item.cell}: ${t.ignoredReason[item.reason]}`),
        })
      );
  }

  const parametersFirst = block(t.parameters, [
    [t.pot, text(t.potSource(run.potGiven))],
    [t.deadline, text(run.deadline ? formatDate(run.deadline, lang) : t.noDeadline)],
    [t.unit, num(run.unit)],
    // The rule in words, a sentence a row, so the printed page keeps the table's width.
    ...(run.redistribute ? t.ruleOn(run.byKey) : t.ruleOff)
      .split(/(?<=[.;])\s+/)
      .map((sentence, i): [string, SheetCell] => [i === 0 ? t.rule : "", text(sentence)]),
    ...(run.redistribute
      ? ([
          [t.tie, text(t.tieText(run.byKey))],
          [t.rounds, num(run.rounds)],
        ] as [string, SheetCell][])
      : []),
    [t.maximaSource, text(run.maximaSource)],
    [t.requisitionsSource, text(run.requisitionsSource)],
    [t.date, text(context.date)],
  ]);
  b.format(col("maximum"), parametersFirst + 2, parametersFirst + 2, moneyFormat);

  for (const style of statusStyles) b.style(style);
  const messageCol = col("message");
  return b.build(
    REQUISITIONS_SHEET_NAME[lang],
    { top: headerRow, left: 0, bottom: totalRow, right: width - 1 },
    {
      skipRows: [0],
      max: { [messageCol]: 70, [col("name")]: 40 },
      // The parameter texts (the rule in words) run on to the right.
      overflowFrom: { row: summaryFirst, columns: [col("maximum")] },
    },
    { landscape: true, fitToPagesWide: 1 }
  );
}

function remarkRow(
  requisition: CheckedRequisition,
  row: (entries: Partial<Record<ColumnId, SheetCell>>) => SheetCell[],
  lang: Lang
): SheetCell[] {
  return row({
    name: text(requisition.row.recipientText),
    requested: requisition.requested ? num(requisition.requested) : empty(),
    status: text(statusWords(requisition.status, lang, requisition.lateReason)),
    message: text(describeProblem(requisition.note, lang)),
  });
}
