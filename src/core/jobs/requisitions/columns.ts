/**
 * The two tables the requisitions job reads, as column specs for the shared detection:
 * the list of maxima (the agency's fördelningslista, or the add-in's own Fördelning sheet)
 * and the list of requisitions.
 */
import type { ColumnSpec } from "../../table/columns";

export type MaximaColumnId = "code" | "name" | "maximum" | "key" | "wantsMore";
export type RequisitionColumnId = "recipient" | "code" | "requested" | "received" | "wantsMore";

const CODE_WORDS = ["kommunkod", "kommunnummer", "kommunnr", "kod", "code", "municipality code"];

const WANTS_MORE_WORDS = [
  "vill ha mer",
  "önskar mer",
  "önskat tillskott",
  "tillskott",
  "mer medel",
  "wants more",
  "more wanted",
  "additional",
] as const;

export const MAXIMA_COLUMNS: readonly ColumnSpec<MaximaColumnId>[] = [
  {
    id: "code",
    label: { sv: "kodkolumn", en: "code column" },
    words: CODE_WORDS,
    required: false,
    type: "code",
    flag: "--maxima-code-column",
  },
  {
    id: "name",
    label: { sv: "namnkolumn", en: "name column" },
    words: [
      "kommun",
      "kommunnamn",
      "mottagare",
      "stadsdelsförvaltning",
      "stadsdelsnämnd",
      "stadsdel",
      "förvaltning",
      "namn",
      "municipality",
      "recipient",
      "district",
      "name",
    ],
    required: true,
    type: "text",
    flag: "--maxima-name-column",
  },
  {
    id: "maximum",
    label: { sv: "kolumn för maxbelopp", en: "maximum column" },
    words: [
      "max",
      "maxbelopp",
      "högsta belopp",
      "maximalt belopp",
      "maximum",
      // The add-in's own Fördelning sheet: "Belopp (kr)" / "Amount (SEK)".
      "belopp",
      "förslag på fördelning",
      "fördelning",
      "tilldelning",
      "amount",
      "allocation",
    ],
    required: true,
    type: "number",
    flag: "--maxima-amount-column",
  },
  {
    id: "key",
    label: { sv: "nyckelkolumn", en: "key column" },
    words: [
      "fördelningsnyckel",
      "nyckeltal",
      "nyckel",
      "antal",
      "invånare",
      "befolkning",
      "key",
      "population",
      "residents",
      // The key of a Fördelning sheet made from the Stockholm paper: there "Belopp (kr)" is
      // the maximum, so this column is free to be the key (in the paper itself it is the maximum).
      "förslag på fördelning",
    ],
    required: false,
    type: "number",
    flag: "--maxima-key-column",
  },
  {
    id: "wantsMore",
    label: { sv: "kolumn för mer medel", en: "wants-more column" },
    words: WANTS_MORE_WORDS,
    required: false,
    type: "number",
    flag: "--maxima-wants-more-column",
  },
];

/** The date column is required only when there is a deadline to hold the dates against. */
export function requisitionColumns(
  withDeadline: boolean
): readonly ColumnSpec<RequisitionColumnId>[] {
  return [
    {
      id: "recipient",
      label: { sv: "mottagarkolumn", en: "recipient column" },
      words: [
        "mottagare",
        "rekvirent",
        "kommun",
        "kommunnamn",
        "kommunkod",
        "stadsdelsförvaltning",
        "stadsdel",
        "förvaltning",
        "namn",
        "kod",
        "recipient",
        "municipality",
        "district",
        "name",
        "code",
      ],
      required: true,
      type: "text",
      flag: "--requisition-name-column",
    },
    {
      // A code beside the name; the recipient column alone may hold a code too.
      id: "code",
      label: { sv: "kodkolumn", en: "code column" },
      words: CODE_WORDS,
      required: false,
      type: "code",
      flag: "--requisition-code-column",
    },
    {
      id: "requested",
      label: { sv: "kolumn för rekvirerat belopp", en: "requested amount column" },
      words: [
        "rekvirerat belopp",
        "rekvirerat",
        "rekvisition",
        "begärt belopp",
        "ansökt belopp",
        "belopp",
        "summa",
        "requested amount",
        "requested",
        "amount",
      ],
      required: true,
      type: "number",
      flag: "--requisition-amount-column",
    },
    {
      id: "received",
      label: { sv: "datumkolumn", en: "date column" },
      words: [
        "inkom",
        "inkommen",
        "inkommit",
        "mottagen",
        "rekvisitionsdatum",
        "datum",
        "received",
        "date received",
        "date",
      ],
      required: withDeadline,
      type: "date",
      flag: "--requisition-date-column",
    },
    {
      id: "wantsMore",
      label: { sv: "kolumn för mer medel", en: "wants-more column" },
      words: WANTS_MORE_WORDS,
      required: false,
      type: "number",
      flag: "--requisition-wants-more-column",
    },
  ];
}
