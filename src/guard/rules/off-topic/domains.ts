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
    "dividend portfolio broker taxes tax freelancer",
  health:
    "symptoms symptom doctor abdomen headache migraine fever acne rash diet medication pregnant " +
    "vaccine dentist therapist",
  law: "landlord lawyer lawsuit court divorce tenant custody",
  travel: "hotel hostel flight flights trip vacation holiday itinerary nightlife tourist sightseeing",
  home: "mold mould faucet plumbing plumber furniture laundry carpet",
  relationships: "girlfriend boyfriend breakup wedding texted crush",
  entertainment:
    "movie movies netflix anime celebrity concert album singer actor actress kardashian swift kelce gaming",
  shopping: "gift gifts bday outfit dress shoes sneakers",
  pets: "puppy kitten dog dogs cat cats",
  weather: "weather rain sunny",
  subjects:
    "chemistry organic molecule molecules photosynthesis biology history revolution shakespeare " +
    "novel poem calculus integral physics geology sn1 sn2 navbar css wordpress",
};

/** Each domain word as the guard's terms spell it (stemmed), with the domain it belongs to. */
export const DOMAIN_TERMS: ReadonlyMap<string, string> = new Map(
  Object.entries(DOMAINS).flatMap(([domain, words]) =>
    uniqueTerms(words).map((term) => [term, domain] as const),
  ),
);

/** The first everyday-domain term of the text that the course never uses, with its domain. */
export function foreignDomainTerm(
  text: string,
  idf: (term: string) => number | undefined,
): { term: string; domain: string } | undefined {
  for (const term of uniqueTerms(text)) {
    const domain = DOMAIN_TERMS.get(term);
    if (domain && idf(term) === undefined) return { term, domain };
  }
  return undefined;
}
