import { createHmac } from "node:crypto";

const ANIMALS = [
  "Albatross",
  "Badger",
  "Beaver",
  "Bison",
  "Crane",
  "Dolphin",
  "Falcon",
  "Ferret",
  "Gecko",
  "Heron",
  "Ibex",
  "Jackal",
  "Kestrel",
  "Koala",
  "Lemur",
  "Lynx",
  "Marmot",
  "Narwhal",
  "Ocelot",
  "Otter",
  "Panda",
  "Puffin",
  "Quail",
  "Raven",
  "Salmon",
  "Seal",
  "Tapir",
  "Toucan",
  "Urchin",
  "Walrus",
  "Wombat",
  "Yak",
] as const;

/**
 * A student's name in one course's staff queue: an animal and five hex digits of an HMAC of who
 * they are (`slack:T…:U…`, `session:…`) keyed by the course's own salt. The same student keeps it
 * within a course; another course's salt gives an unrelated one. About 33 million names, so two
 * students of a 300-student course share one with a chance of about 0.1%.
 */
export function pseudonym(salt: string, studentKey: string): string {
  const digest = createHmac("sha256", salt).update(studentKey).digest();
  const animal = ANIMALS[(digest[0] as number) % ANIMALS.length] as string;
  const tag = digest.readUInt32BE(1).toString(16).padStart(8, "0").slice(0, 5).toUpperCase();
  return `${animal} ${tag}`;
}

/** The Slack user behind a student key, when the student asked in Slack. */
export function slackUserOf(studentKey: string): string | undefined {
  const match = /^slack:[^:]*:([A-Z0-9]+)$/.exec(studentKey);
  return match?.[1];
}
