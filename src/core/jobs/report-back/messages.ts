/**
 * The report-back job's problems: reading the ledger, the amount received and the year,
 * the account mapping sheet, and the checks on each ledger row (flags).
 */
import type { Catalogue } from "../../problems";

export const REPORT_MESSAGES = {
  LEDGER_AMOUNT_COLUMN_MISSING: {
    sv: (p) =>
      `Rubrikraden ${p.range} har ingen beloppskolumn (t.ex. 'Belopp', 'Utfall', 'Summa') och inte heller både 'Debet' och 'Kredit'.`,
    en: (p) =>
      `The header row ${p.range} has no amount column (e.g. 'Amount', 'Belopp', 'Utfall') and not both 'Debit' and 'Credit'.`,
  },
  LEDGER_DEBIT_CREDIT_HALF: {
    sv: (p) => `Rubrikraden ${p.range} har '${p.have}' men ingen kolumn '${p.missing}'.`,
    en: (p) => `The header row ${p.range} has '${p.have}' but no '${p.missing}' column.`,
  },
  LEDGER_COLUMN_NEEDED: {
    sv: (p) =>
      `${p.flag} är angivet, men huvudboken ${p.range} har ingen kolumn för ${p.column} (t.ex. ${p.examples}).`,
    en: (p) =>
      `${p.flag} is given, but the ledger ${p.range} has no ${p.column} column (e.g. ${p.examples}).`,
  },
  LEDGER_CREDIT_MIXED_SIGNS: {
    sv: (p) =>
      `Kreditkolumnen '${p.header}' har både positiva (${p.positive}) och negativa (${p.negative}) belopp, så det går inte att veta vilka som minskar kostnaden. Skriv alla krediter med samma tecken, eller flytta rättelserna till debetkolumnen.`,
    en: (p) =>
      `The credit column '${p.header}' holds both positive (${p.positive}) and negative (${p.negative}) amounts, so which of them reduce the cost cannot be told. Write every credit with the same sign, or move the corrections to the debit column.`,
  },
  LEDGER_NO_ROWS: {
    sv: (p) => `Det finns inga bokföringsrader under rubrikraden i ${p.range}.`,
    en: (p) => `There are no ledger rows below the header row in ${p.range}.`,
  },
  REPORT_NO_LEDGER: {
    sv: () => `Ange minst en huvudbok (ett blad med huvudboksutdraget).`,
    en: () => `Give at least one ledger (a sheet holding the ledger extract).`,
  },
  REPORT_LEDGER_TWICE: {
    sv: (p) => `Bladet '${p.sheet}' är angivet som huvudbok två gånger; det skulle räknas dubbelt.`,
    en: (p) => `The sheet '${p.sheet}' is given as a ledger twice; it would be counted twice.`,
  },
  REPORT_RECEIVED_MISSING: {
    sv: () => `Ange erhållet belopp (bidraget som betalats ut).`,
    en: () => `Enter the amount received (the grant paid out).`,
  },
  REPORT_RECEIVED_BAD: {
    sv: (p) =>
      `Erhållet belopp '${p.text}' är inget belopp i kronor och ören som är noll eller mer.`,
    en: (p) =>
      `The amount received '${p.text}' is not an amount in kronor and öre of zero or more.`,
  },
  REPORT_YEAR_BAD: {
    sv: (p) => `Bidragsåret '${p.text}' är inget årtal (t.ex. 2026).`,
    en: (p) => `The grant year '${p.text}' is not a year (e.g. 2026).`,
  },
  REPORT_ACCEPT_BAD: {
    sv: (p) => `'${p.text}' är ingen cellreferens (t.ex. Huvudbok!F12).`,
    en: (p) => `'${p.text}' is not a cell reference (e.g. Huvudbok!F12).`,
  },
  REPORT_ACCEPT_SHEET_NEEDED: {
    sv: (p) =>
      `'${p.text}' anger inget blad, och huvudböckerna är flera (${p.sheets}): vilket blad menas? Skriv ${p.choices}.`,
    en: (p) =>
      `'${p.text}' names no sheet, and there are several ledgers (${p.sheets}): which sheet is meant? Write ${p.choices}.`,
  },
  REPORT_ACCEPT_UNKNOWN: {
    sv: (p) => `Ingen flaggad rad finns på ${p.text}; det finns inget att godkänna där.`,
    en: (p) => `No flagged row is at ${p.text}; there is nothing to accept there.`,
  },
  REPORT_NEGATIVE_CATEGORY: {
    sv: (p) =>
      `Summan för ${p.category.toLocaleLowerCase("sv")}${p.district} är negativ, ${p.amount} kr: krediteringar (${p.rows}) utan motsvarande kostnad i bidragsåret, t.ex. en kreditnota vars faktura bokfördes ett annat år? Kontrollera raderna.`,
    en: (p) =>
      `The sum for ${p.category.toLowerCase()}${p.district} is negative, ${p.amount} kr: credits (${p.rows}) without a matching cost in the grant year, e.g. a credit note whose invoice was booked in another year? Check the rows.`,
  },
  REPORT_NEGATIVE_TOTAL: {
    sv: (p) =>
      `Summa använt är negativt, ${p.amount} kr. Ej använt att återbetala räknas aldrig högre än erhållet bidrag, ${p.received} kr. Kontrollera krediteringarna (${p.rows}).`,
    en: (p) =>
      `Total used is negative, ${p.amount} kr. Unused, to be repaid, is never more than the grant received, ${p.received} kr. Check the credits (${p.rows}).`,
  },
  FLAG_OUTSIDE_YEAR: {
    sv: (p) => `Bokförd ${p.date}, utanför bidragsåret ${p.year}.`,
    en: (p) => `Booked ${p.date}, outside the grant year ${p.year}.`,
  },
  FLAG_COST_CENTRE_OTHER: {
    sv: (p) => `Ansvar/kostnadsställe '${p.text}' hör inte till bidraget (${p.expected}).`,
    en: (p) => `Cost centre '${p.text}' does not belong to the grant (${p.expected}).`,
  },
  FLAG_COST_CENTRE_MISSING: {
    sv: (p) => `Raden saknar ansvar/kostnadsställe; bidragets är ${p.expected}.`,
    en: (p) => `The row has no cost centre; the grant's is ${p.expected}.`,
  },
  FLAG_PROJECT_OTHER: {
    sv: (p) => `Projekt '${p.text}' hör inte till bidraget (${p.expected}).`,
    en: (p) => `Project '${p.text}' does not belong to the grant (${p.expected}).`,
  },
  FLAG_PROJECT_MISSING: {
    sv: (p) => `Raden saknar projekt; bidragets är ${p.expected}.`,
    en: (p) => `The row has no project; the grant's is ${p.expected}.`,
  },
  FLAG_DISALLOWED: {
    sv: (p) =>
      `Texten '${p.text}' innehåller '${p.word}': bidraget får inte betala sådant. Kontrollera raden.`,
    en: (p) =>
      `The text '${p.text}' contains '${p.word}': the grant may not pay for that. Check the row.`,
  },
  FLAG_AMOUNT_MISSING: {
    sv: () => `Raden har inget belopp.`,
    en: () => `The row has no amount.`,
  },
  FLAG_AMOUNT_BAD: {
    sv: (p) => `'${p.text}' är inget belopp.`,
    en: (p) => `'${p.text}' is not an amount.`,
  },
  FLAG_AMOUNT_DECIMALS: {
    sv: (p) => `${p.text} har fler än två decimaler; belopp anges i kronor och ören.`,
    en: (p) => `${p.text} has more than two decimals; amounts are in kronor and öre.`,
  },
  FLAG_DATE_MISSING: {
    sv: () => `Raden har inget datum eller period.`,
    en: () => `The row has no date or period.`,
  },
  FLAG_DATE_BAD: {
    sv: (p) => `'${p.text}' är inget datum eller period.`,
    en: (p) => `'${p.text}' is not a date or period.`,
  },
  FLAG_ACCOUNT_MISSING: {
    sv: () => `Raden har inget konto.`,
    en: () => `The row has no account.`,
  },
  FLAG_ACCOUNT_BAD: {
    sv: (p) => `'${p.text}' är inget kontonummer.`,
    en: (p) => `'${p.text}' is not an account number.`,
  },
  FLAG_ACCOUNT_UNMAPPED: {
    sv: (p) => `Konto ${p.account} finns inte i kontoindelningen; lägg till det där.`,
    en: (p) => `Account ${p.account} is not in the account mapping; add it there.`,
  },
  FLAG_ACCOUNT_NOT_COST: {
    sv: (p) => `Konto ${p.account} är inget kostnadskonto (${p.category}).`,
    en: (p) => `Account ${p.account} is not a cost account (${p.category}).`,
  },
  MAPPING_HEADER_MISSING: {
    sv: (p) =>
      `Hittar ingen rubrikrad i kontoindelningen ${p.range}: det behövs kolumnerna 'Konto' och 'Kategori'.`,
    en: (p) =>
      `No header row in the account mapping ${p.range}: it needs the columns 'Account' and 'Category'.`,
  },
  MAPPING_EMPTY: {
    sv: (p) => `Kontoindelningen ${p.range} har inga konton.`,
    en: (p) => `The account mapping ${p.range} has no accounts.`,
  },
  MAPPING_BAD_ACCOUNT: {
    sv: (p) => `'${p.text}' är inget konto eller kontointervall (t.ex. 50, 5010 eller 60–62).`,
    en: (p) => `'${p.text}' is not an account or account range (e.g. 50, 5010 or 60–62).`,
  },
  MAPPING_BAD_CATEGORY: {
    sv: (p) => `'${p.text}' är ingen kategori. Använd: ${p.allowed}.`,
    en: (p) => `'${p.text}' is not a category. Use: ${p.allowed}.`,
  },
  MAPPING_OVERLAP: {
    sv: (p) => `Kontona ${p.text} överlappar ${p.other} (${p.otherCell}) med samma antal siffror.`,
    en: (p) =>
      `The accounts ${p.text} overlap ${p.other} (${p.otherCell}) with the same number of digits.`,
  },
} satisfies Catalogue;
