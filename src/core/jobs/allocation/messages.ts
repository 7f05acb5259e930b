/** The allocation job's problems: its columns, keys, interest marks, pot and reserves. */
import type { Catalogue } from "../../problems";
import { SHAPE_MESSAGES } from "./shape-messages";

export const ALLOCATION_MESSAGES = {
  ...SHAPE_MESSAGES,
  KEY_NEGATIVE: {
    sv: (p) => `Nyckeln får inte vara negativ (${p.text}).`,
    en: (p) => `The key must not be negative (${p.text}).`,
  },
  KEY_MISSING: {
    sv: (p) => `${p.name} saknar nyckel.`,
    en: (p) => `${p.name} has no key.`,
  },
  NO_HEADER: {
    sv: (p) =>
      `Hittar ingen rubrikrad i ${p.range}. Det behövs en kolumn för namn (t.ex. 'Namn', 'Stadsdel', 'Kommun') och en för nyckeln (t.ex. 'Nyckel', 'Antal invånare').`,
    en: (p) =>
      `No header row found in ${p.range}. It needs a name column (e.g. 'Name', 'District', 'Municipality') and a key column (e.g. 'Key', 'Population').`,
  },
  KEY_COLUMN_MISSING: {
    sv: (p) =>
      `Rubrikraden ${p.range} har ingen nyckelkolumn (t.ex. 'Nyckel', 'Antal invånare 65+'). Välj den.`,
    en: (p) =>
      `The header row ${p.range} has no key column (e.g. 'Key', 'Population 65+'). Choose it.`,
  },
  NAME_COLUMN_MISSING: {
    sv: (p) => `Rubrikraden ${p.range} har ingen namnkolumn (t.ex. 'Namn', 'Stadsdel'). Välj den.`,
    en: (p) => `The header row ${p.range} has no name column (e.g. 'Name', 'District'). Choose it.`,
  },
  BAD_INTEREST_MARK: {
    sv: (p) =>
      `'${p.text}' är ingen intressemarkering. Använd X (intresserad) eller - (inte intresserad).`,
    en: (p) => `'${p.text}' is not an interest mark. Use X (interested) or - (not interested).`,
  },
  NO_RECIPIENTS: {
    sv: (p) => `Inga mottagare under rubrikraden i ${p.range}.`,
    en: (p) => `No recipients below the header row in ${p.range}.`,
  },
  NO_INTERESTED: {
    sv: () => `Ingen mottagare är markerad som intresserad, så det finns ingen att fördela till.`,
    en: () => `No recipient is marked as interested, so there is no one to allocate to.`,
  },
  ALL_KEYS_ZERO: {
    sv: () => `Alla nycklar är noll, så andelarna går inte att räkna ut.`,
    en: () => `All keys are zero, so the shares cannot be computed.`,
  },
  TOTAL_MISSING: {
    sv: () => `Ange beloppet som ska fördelas.`,
    en: () => `Enter the amount to allocate.`,
  },
  TOTAL_NOT_POSITIVE: {
    sv: (p) => `Beloppet att fördela måste vara större än noll (${p.text}).`,
    en: (p) => `The amount to allocate must be greater than zero (${p.text}).`,
  },
  RESERVES_EXCEED_TOTAL: {
    sv: (p) =>
      `Avsättningarna (${p.reserves}) är ${p.over} större än beloppet att fördela (${p.total}).`,
    en: (p) =>
      `The reserves (${p.reserves}) are ${p.over} more than the amount to allocate (${p.total}).`,
  },
  RESERVE_NAME_MISSING: {
    sv: (p) => `Avsättning ${p.index} saknar namn.`,
    en: (p) => `Reserve no. ${p.index} has no name.`,
  },
  RESERVE_AMOUNT_BAD: {
    sv: (p) => `Avsättningen '${p.name}': '${p.text}' är inget belopp.`,
    en: (p) => `Reserve '${p.name}': '${p.text}' is not a valid amount.`,
  },
  RESERVE_NEGATIVE: {
    sv: (p) =>
      `Avsättningen '${p.name}' kan inte vara negativ (${p.amount}). Skriv beloppet utan minustecken.`,
    en: (p) =>
      `The reserve '${p.name}' cannot be negative (${p.amount}). Write the amount without a minus sign.`,
  },
  RESERVE_DUPLICATE: {
    sv: (p) => `Avsättningen '${p.name}' finns två gånger, eller heter som en mottagare.`,
    en: (p) => `The reserve '${p.name}' appears twice, or has the same name as a recipient.`,
  },
  KEY_COLUMN_NOT_NUMBERS: {
    sv: (p) =>
      `Nyckelkolumnen har text i stället för tal (${p.count} av ${p.rows} rader). Välj kolumnen med talen som nyckel.`,
    en: (p) =>
      `The key column holds text instead of numbers (${p.count} of ${p.rows} rows). Choose the column with the numbers as the key.`,
  },
  FORMULA_NOT_CALCULATED: {
    sv: (p) =>
      `Formeln ${p.formula} har inte räknats ut, så cellen har inget värde att läsa. Öppna arbetsboken i Excel, tryck F9 och spara, och försök igen.`,
    en: (p) =>
      `The formula ${p.formula} has not been calculated, so the cell has no value to read. Open the workbook in Excel, press F9, save, and try again.`,
  },
} satisfies Catalogue;
