/**
 * Problems of the allocation shapes (base amounts, floors and ceilings, weighted keys) and
 * of last year's amounts. Amounts in the parameters are already formatted ("1 234 kr").
 */
import type { Catalogue } from "../../problems";

export const SHAPE_MESSAGES = {
  BASE_EXCEEDS_POOL: {
    sv: (p) =>
      `Grundbeloppen (${p.bases}) är ${p.excess} mer än det som finns att fördela efter avsättningarna (${p.pool}).`,
    en: (p) =>
      `The base amounts (${p.bases}) are ${p.excess} more than what is left to allocate after the reserves (${p.pool}).`,
  },
  FLOORS_EXCEED_POOL: {
    sv: (p) =>
      `Golven summerar till ${p.bounds}, ${p.excess} mer än det som fördelas (${p.pool}). Sänk golven med minst ${p.excess}.`,
    en: (p) =>
      `The floors add up to ${p.bounds}, ${p.excess} more than what is allocated (${p.pool}). Lower them by at least ${p.excess}.`,
  },
  CEILINGS_BELOW_POOL: {
    sv: (p) =>
      `Taken summerar till ${p.bounds}, ${p.excess} mindre än det som fördelas (${p.pool}). Höj taken med minst ${p.excess}.`,
    en: (p) =>
      `The ceilings add up to ${p.bounds}, ${p.excess} less than what is allocated (${p.pool}). Raise them by at least ${p.excess}.`,
  },
  FLOOR_ABOVE_CEILING: {
    sv: (p) => `${p.name}: golvet ${p.floor} är högre än taket ${p.ceiling}.`,
    en: (p) => `${p.name}: the floor ${p.floor} is above the ceiling ${p.ceiling}.`,
  },
  CEILING_BELOW_BASE: {
    sv: (p) => `${p.name}: taket ${p.ceiling} är lägre än grundbeloppet ${p.base}.`,
    en: (p) => `${p.name}: the ceiling ${p.ceiling} is below the base amount ${p.base}.`,
  },
  SHAPE_AMOUNT_BAD: {
    sv: (p) => `${p.what}: '${p.text}' är inget giltigt belopp (ett tal, noll eller större).`,
    en: (p) => `${p.what}: '${p.text}' is not a valid amount (a number, zero or more).`,
  },
  SHAPE_NOT_WHOLE_UNITS: {
    sv: (p) => `${p.what} ${p.text} är inte en hel avrundningsenhet (${p.unit} kr).`,
    en: (p) => `${p.what} ${p.text} is not a whole rounding unit (${p.unit} SEK).`,
  },
  WEIGHTS_NOT_100: {
    sv: (p) => `Vikterna summerar till ${p.sum} %, inte 100 % (${p.off} procentenheter fel).`,
    en: (p) => `The weights add up to ${p.sum} %, not 100 % (off by ${p.off} percentage points).`,
  },
  WEIGHT_BAD: {
    sv: (p) => `'${p.text}' är ingen vikt i procent (ett tal större än noll).`,
    en: (p) => `'${p.text}' is not a weight in percent (a number above zero).`,
  },
  WEIGHTED_KEYS_PAIRS: {
    sv: (p) =>
      `Vägda nycklar behöver minst två nyckelkolumner, var och en med sin vikt (${p.columns} kolumner, ${p.weights} vikter).`,
    en: (p) =>
      `Weighted keys need two or more key columns, each with its weight (${p.columns} columns, ${p.weights} weights).`,
  },
  KEY_COLUMN_SUM_ZERO: {
    sv: (p) =>
      `Nyckelkolumnen '${p.header}' summerar till noll för mottagarna; den kan inte vägas.`,
    en: (p) =>
      `The key column '${p.header}' adds up to zero for the recipients; it cannot be weighed.`,
  },
  LAST_YEAR_NOT_ALLOCATION: {
    sv: (p) =>
      `Bladet ${p.sheet} ser inte ut som en fördelning som tillägget skrev (ingen rubrik '${p.header}').`,
    en: (p) =>
      `The sheet ${p.sheet} does not look like an allocation the add-in wrote (no '${p.header}' header).`,
  },
} satisfies Catalogue;
