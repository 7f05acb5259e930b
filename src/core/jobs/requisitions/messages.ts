/**
 * The requisitions job's texts: the message each requisition gets (one per status, the cell
 * is the problem's), and the problems that stop a run (the maxima list, the pot, the
 * deadline). Amounts and dates arrive already formatted for the language.
 */
import type { Catalogue } from "../../problems";

export const REQUISITION_MESSAGES = {
  // One message per requisition.
  COLUMN_REQUIRED: {
    sv: (p) => `Listan måste ha en ${p.column}: ange dess rubrik, eller bokstav som '[B]'.`,
    en: (p) => `The list must have a ${p.column}: give its header, or its letter such as '[B]'.`,
  },
  REQUISITION_OK: {
    sv: (p) => `Godkänd: ${p.approved} kr.`,
    en: (p) => `Approved: ${p.approved} kr.`,
  },
  REQUISITION_OVER_MAX: {
    sv: (p) =>
      `Rekvirerat ${p.requested} kr är ${p.over} kr över maxbeloppet; ${p.maximum} kr godkänns.`,
    en: (p) =>
      `Requested ${p.requested} kr is ${p.over} kr above the maximum; ${p.maximum} kr is approved.`,
  },
  REQUISITION_UNKNOWN: {
    sv: (p) => `'${p.text}' finns inte bland maxbeloppen.`,
    en: (p) => `'${p.text}' is not in the list of maxima.`,
  },
  REQUISITION_UNKNOWN_HINT: {
    sv: (p) => `'${p.text}' finns inte bland maxbeloppen. Avses ${p.hint}?`,
    en: (p) => `'${p.text}' is not in the list of maxima. Did you mean ${p.hint}?`,
  },
  REQUISITION_AMBIGUOUS: {
    sv: (p) =>
      `'${p.text}' kan vara både ${p.candidates}; ange kod eller namn exakt som i maxlistan.`,
    en: (p) =>
      `'${p.text}' could be ${p.candidates}; give the code or the name exactly as in the list of maxima.`,
  },
  REQUISITION_NOT_RECIPIENT: {
    sv: (p) =>
      `${p.name} saknar nyckel i ${p.other} och är ingen mottagare (en avsättning eller ej fördelat belopp).`,
    en: (p) =>
      `${p.name} has no key in ${p.other} and is not a recipient (a reserve or an unallocated amount).`,
  },
  REQUISITION_NO_RECIPIENT: {
    sv: () => `Rekvisitionen saknar mottagare.`,
    en: () => `The requisition names no recipient.`,
  },
  REQUISITION_DUPLICATE: {
    sv: (p) =>
      `${p.name} har redan en rekvisition i ${p.other}; den första gäller och den här räknas inte.`,
    en: (p) =>
      `${p.name} already has a requisition in ${p.other}; the first one counts, this one does not.`,
  },
  AMOUNT_MISSING: {
    sv: () => `Rekvirerat belopp saknas.`,
    en: () => `The requested amount is missing.`,
  },
  AMOUNT_NOT_POSITIVE: {
    sv: (p) => `Rekvirerat belopp måste vara större än noll (${p.text}).`,
    en: (p) => `The requested amount must be greater than zero (${p.text}).`,
  },
  AMOUNT_ORE: {
    sv: (p) =>
      `${p.text} har ören; med avrundningsenheten ${p.unit} kr anges beloppen i hela kronor.`,
    en: (p) => `${p.text} has öre; with a rounding unit of ${p.unit} kr amounts are whole kronor.`,
  },
  REQUISITION_LATE: {
    sv: (p) => `Inkom ${p.date}, efter sista dag ${p.deadline}.`,
    en: (p) => `Received ${p.date}, after the deadline ${p.deadline}.`,
  },
  REQUISITION_DATE_MISSING: {
    sv: (p) =>
      `Inkomstdatum saknas, så det går inte att se att rekvisitionen kom in senast ${p.deadline}.`,
    en: (p) =>
      `The date received is missing, so the requisition cannot be shown to have arrived by ${p.deadline}.`,
  },
  REQUISITION_DATE_UNREADABLE: {
    sv: (p) =>
      `'${p.text}' är inget datum (t.ex. 2026-03-16 eller 16 mars 2026), så det går inte att se att rekvisitionen kom in senast ${p.deadline}.`,
    en: (p) =>
      `'${p.text}' is not a date (e.g. 2026-03-16 or 16 March 2026), so the requisition cannot be shown to have arrived by ${p.deadline}.`,
  },
  WANTS_MORE_INVALID: {
    sv: (p) =>
      `'${p.text}' i kolumnen för mer medel är varken ett belopp, X (så mycket som finns) eller -.`,
    en: (p) =>
      `'${p.text}' in the wants-more column is neither an amount, X (as much as there is) nor -.`,
  },

  // Problems that stop the run: the maxima, the requisition list as a whole, the parameters.
  MAXIMA_NAME_MISSING: {
    sv: () => `Raden har ett maxbelopp men inget namn.`,
    en: () => `The row has a maximum but no name.`,
  },
  MAXIMUM_MISSING: {
    sv: (p) => `${p.name} saknar maxbelopp.`,
    en: (p) => `${p.name} has no maximum.`,
  },
  MAXIMUM_NEGATIVE: {
    sv: (p) => `Maxbeloppet får inte vara negativt (${p.text}).`,
    en: (p) => `The maximum must not be negative (${p.text}).`,
  },
  MAXIMA_KEY_NEGATIVE: {
    sv: (p) => `Nyckeln får inte vara negativ (${p.text}).`,
    en: (p) => `The key must not be negative (${p.text}).`,
  },
  CODE_INVALID: {
    sv: (p) => `'${p.text}' är ingen kod (t.ex. kommunkoden 0180).`,
    en: (p) => `'${p.text}' is not a code (e.g. the municipality code 0180).`,
  },
  DUPLICATE_CODE: {
    sv: (p) => `Koden ${p.code} finns redan i ${p.other}. Varje mottagare får bara finnas en gång.`,
    en: (p) =>
      `The code ${p.code} already appears in ${p.other}. Each recipient may appear only once.`,
  },
  NO_MAXIMA: {
    sv: (p) => `Inga mottagare med maxbelopp under rubrikraden i ${p.range}.`,
    en: (p) => `No recipients with a maximum below the header row in ${p.range}.`,
  },
  NO_REQUISITIONS: {
    sv: (p) => `Inga rekvisitioner under rubrikraden i ${p.range}.`,
    en: (p) => `No requisitions below the header row in ${p.range}.`,
  },
  POT_NOT_POSITIVE: {
    sv: (p) => `Potten måste vara ett belopp större än noll ('${p.text}').`,
    en: (p) => `The pot must be an amount greater than zero ('${p.text}').`,
  },
  POT_BELOW_MAXIMA: {
    sv: (p) => `Potten ${p.pot} kr är mindre än summan av maxbeloppen, ${p.maxima} kr.`,
    en: (p) => `The pot of ${p.pot} kr is less than the sum of the maxima, ${p.maxima} kr.`,
  },
  DEADLINE_INVALID: {
    sv: (p) => `Sista dag '${p.text}' är inget datum; skriv den som ÅÅÅÅ-MM-DD.`,
    en: (p) => `The deadline '${p.text}' is not a date; write it as YYYY-MM-DD.`,
  },
} satisfies Catalogue;
