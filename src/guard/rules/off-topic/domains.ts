import { uniqueTerms } from "../../../text/terms.ts";

/**
 * Words of everyday life and of other subjects that a course about something else never uses:
 * cooking, sport, money, health, law, travel, home, relationships, entertainment, shopping, and
 * other school subjects. A word counts only when the course's own material never uses it, so a
 * cooking course keeps its recipes and a course with "demand forecasting" keeps "forecast".
 */
const DOMAINS: Record<string, string> = {
  cooking:
    "recipe recipes bake baking lasagna paella pasta pizza burger dessert cake cookies soup vegan " +
    "calories dinner breakfast brunch grill marinade receta recette rezept",
  sport:
    "football soccer basketball baseball nfl nba messi ronaldo goalkeeper tennis cricket olympics " +
    "workout gym fitness bodybuilding marathon futbol fussball trainingsplan fitnessstudio",
  money:
    "stocks stock crypto bitcoin ethereum invest investing investment savings retirement mortgage " +
    "dividend portfolio broker taxes tax freelancer depreciation bookkeeping ledger",
  health:
    "symptoms symptom doctor abdomen headache migraine fever acne rash diet medication pregnant " +
    "vaccine dentist therapist",
  law: "landlord lawyer lawsuit court divorce tenant custody",
  travel: "hotel hostel flight flights trip vacation holiday itinerary nightlife tourist sightseeing",
  home: "mold mould faucet plumbing plumber furniture laundry carpet",
  relationships: "girlfriend boyfriend breakup wedding texted crush",
  entertainment:
    "movie movies netflix anime celebrity concert album singer actor actress kardashian swift kelce gaming " +
    "tv sitcom sitcoms episode episodes binge hbo hulu watchlist film films",
  shopping: "gift gifts bday outfit dress shoes sneakers",
  pets: "puppy kitten dog dogs cat cats",
  weather: "weather rain sunny",
  subjects:
    "chemistry organic molecule molecules photosynthesis biology history revolution shakespeare " +
    "novel poem calculus calc integral antiderivative trig trigonometry dx physics geology sn1 sn2 navbar css " +
    "wordpress",
};

/**
 * Domain words whose stem the stemmer shares with words of another meaning that technical material
 * uses: "integral" and "integrity" are both "integr", "physics" and "physical" both "physic",
 * "accounting" and "account" both "account", "flight" is in "in-flight requests". The course's vocabulary, kept
 * by stem, cannot tell which word it holds, so these count when the question spells the word out,
 * and only when little else of the question is the course's (see `masked`).
 */
const SHARED_STEM_WORDS: Record<string, string> = {
  integral: "subjects",
  integrals: "subjects",
  physics: "subjects",
  organic: "subjects",
  accounting: "subjects",
  texted: "relationships",
  flight: "travel",
  flights: "travel",
  baking: "cooking",
  anime: "entertainment",
  fitness: "sport",
};
// A whole word, not part of a compound ("in-flight requests").
const SHARED_STEM_WORD = new RegExp(
  `(?<![\\p{L}-])(?:${Object.keys(SHARED_STEM_WORDS).join("|")})(?![\\p{L}-])`,
  "iu",
);

/** Each domain word as the guard's terms spell it (stemmed), with the domain it belongs to. */
export const DOMAIN_TERMS: ReadonlyMap<string, string> = new Map(
  Object.entries(DOMAINS).flatMap(([domain, words]) =>
    uniqueTerms(words).map((term) => [term, domain] as const),
  ),
);

/** An everyday-domain word of a question; `masked` when the course knows its stem through other words. */
export interface DomainTerm {
  term: string;
  domain: string;
  masked?: boolean;
}

/**
 * The first everyday-domain term of the text that the course never uses, with its domain; failing
 * that, a domain word spelled out whose stem the course knows only through words of another meaning.
 */
export function foreignDomainTerm(
  text: string,
  idf: (term: string) => number | undefined,
): DomainTerm | undefined {
  for (const term of uniqueTerms(text)) {
    const domain = DOMAIN_TERMS.get(term);
    if (domain && idf(term) === undefined) return { term, domain };
  }
  const word = SHARED_STEM_WORD.exec(text)?.[0].toLowerCase();
  const domain = word ? SHARED_STEM_WORDS[word] : undefined;
  return word && domain ? { term: word, domain, masked: true } : undefined;
}
