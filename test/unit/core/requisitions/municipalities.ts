/**
 * A list of 290 municipalities for matching tests: real names and codes where the spelling
 * matters (hyphens, spaces, å/ä/ö, Habo next to Håbo), the rest made up to reach 290.
 */
import type { MatchTarget } from "../../../../src/core/jobs/requisitions/matching";

export const MUNICIPALITIES: readonly [string, string][] = [
  ["0114", "Upplands Väsby"],
  ["0115", "Vallentuna"],
  ["0117", "Österåker"],
  ["0120", "Värmdö"],
  ["0123", "Järfälla"],
  ["0125", "Ekerö"],
  ["0126", "Huddinge"],
  ["0127", "Botkyrka"],
  ["0128", "Salem"],
  ["0136", "Haninge"],
  ["0138", "Tyresö"],
  ["0139", "Upplands-Bro"],
  ["0140", "Nykvarn"],
  ["0160", "Täby"],
  ["0162", "Danderyd"],
  ["0163", "Sollentuna"],
  ["0180", "Stockholm"],
  ["0181", "Södertälje"],
  ["0182", "Nacka"],
  ["0183", "Sundbyberg"],
  ["0184", "Solna"],
  ["0186", "Lidingö"],
  ["0187", "Vaxholm"],
  ["0188", "Norrtälje"],
  ["0191", "Sigtuna"],
  ["0192", "Nynäshamn"],
  ["0305", "Håbo"],
  ["0380", "Uppsala"],
  ["0580", "Linköping"],
  ["0581", "Norrköping"],
  ["0604", "Aneby"],
  ["0643", "Habo"],
  ["0680", "Jönköping"],
  ["0687", "Tranås"],
  ["1261", "Kävlinge"],
  ["1280", "Malmö"],
  ["1281", "Lund"],
  ["1401", "Härryda"],
  ["1407", "Öckerö"],
  ["1438", "Dals-Ed"],
  ["1440", "Ale"],
  ["1462", "Lilla Edet"],
  ["1480", "Göteborg"],
  ["1481", "Mölndal"],
  ["1490", "Borås"],
  ["1880", "Örebro"],
  ["1907", "Sala"],
  ["2023", "Malung-Sälen"],
  ["2180", "Gävle"],
  ["2321", "Åre"],
  ["2418", "Malå"],
  ["2480", "Umeå"],
  ["2580", "Luleå"],
  ["2584", "Kiruna"],
];

/** The real ones, then made-up ones (half with a hyphen, half with spaces) to 290. */
export function municipalityList(): MatchTarget[] {
  const list: MatchTarget[] = MUNICIPALITIES.map(([code, name]) => ({ code, name }));
  const used = new Set(list.map((m) => m.code));
  for (let n = 1; list.length < 290; n++) {
    const code = String(n).padStart(4, "0");
    if (used.has(code)) continue;
    const name = n % 2 === 0 ? `Provkommun-${n}` : `Prov kommun ${n}`;
    list.push({ code, name });
  }
  return list;
}
