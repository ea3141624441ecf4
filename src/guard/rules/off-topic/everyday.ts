import { re, reSource } from "../../regex.ts";
import type { DomainTerm } from "./domains.ts";

/**
 * Everyday questions whose words a course happens to share. Retrieval can find chunks for their
 * generic words ("file", "student", "job"; "shows", "like", "breaking", "bad") and call itself
 * confident, so the embedding and vocabulary signals never get a say. Two readings catch them:
 * a request whose phrasing is everyday whatever its words (recommend me shows like …, … for my
 * accounting assignment), and a
 * question about the student's own everyday affairs (my taxes, my calc homework) that names
 * nothing of any course.
 */

// Things to watch or listen to.
const ENTERTAINMENT = reSource`
  (?:tv\s+shows|shows|tv\s+series|series|movies|films|sitcoms|anime|documentaries|k-?dramas|dramas|songs|
  albums|bands|video\s+games)
`;
// Asked for as a recommendation for the student, not built into a recommender: "recommend me some
// shows like …", "any good movies to watch", "what should I binge". "How does Netflix recommend
// movies similar to …" has no "me", "some" or "good"; "time series" is not a show.
const ENTERTAINMENT_REQUEST = re("iu")`
  \b(?:recommend|suggest|recs?\s+for)\s+(?:me\s+|us\s+)?(?:some|a\s+few|any|a\s+couple\s+(?:of\s+)?|a\s+list\s+of|
  good|great|\d+)\s+(?:good\s+|great\s+|new\s+|fun\s+)?${ENTERTAINMENT}\b|\b(?:any|some|good|best)\s+
  (?:good\s+|great\s+|new\s+)?${ENTERTAINMENT}\s+(?:like|similar\s+to|to\s+(?:watch|binge|stream|listen\s+to))\b|
  \bwhat\s+(?:should|can|could)\s+(?:i|we)\s+(?:watch|binge|stream)\b|\bsomething\s+to\s+(?:watch|binge)\b
`;

// Coursework of another subject, asked for: "for my accounting assignment", "for my calc homework".
// Statistics and mathematics are left out: a course on models draws on them.
const OTHER_SUBJECT_WORK = re("iu")`
  \bfor\s+(?:my|our|a|the)\s+(?:accounting|calc|calculus|chem|chemistry|organic\s+chemistry|physics|bio|biology|
  anatomy|history|art\s+history|econ|economics|finance|marketing|psych|psychology|philosophy|sociology|
  literature|english|spanish|french|german|geography|geology|law|political\s+science|poli\s+sci|
  music\s+theory)\s+(?:homework|assignment|class|course|exam|essay|problem\s+set|pset|quiz|test|midterm|
  final|seminar|paper)\b
`;

// Another subject's coursework asked to be done: "can you also write my history essay on the causes
// of WWI", "do our chem homework". Asked for, it is off topic even after a course question ("What's
// the four-fifths rule? btw write my history essay"); "how do I cite in my history essay?" asks nothing done.
const OTHER_SUBJECT_ASK = re("iu")`
  \b(?:write|do|finish|complete|solve|draft)\s+(?:my|our|the)\s+(?:\d+[-\s]word\s+)?(?:accounting|calc|calculus|
  chem|chemistry|organic\s+chemistry|physics|bio|biology|anatomy|history|art\s+history|econ|economics|finance|
  marketing|psych|psychology|philosophy|sociology|literature|english|spanish|french|german|geography|geology|
  law|political\s+science|poli\s+sci|music\s+theory)\s+(?:homework|assignment|essay|problem\s+set|pset|
  paper|worksheet|lab\s+report|report)\b
`;

// The student's own life: "my", "I", "me".
const OWN = /\b(?:my|i|me|i'm|im|mine)\b/iu;
// Anything of a course (any course): its pieces, its people, its logistics, its coursework objects.
// Not "homework" or "assignment": "my calc homework", "my accounting assignment" belong to others.
// A question that names one is a course question, even with an everyday word in it ("my
// girlfriend's birthday is on the exam day, can I reschedule?").
const COURSE_ANCHOR = re("iu")`
  \b(?:course|lecture|lectures|lab|labs|project|projects|capstone|midterm|exam|exams|final|quiz|quizzes|
  grade|grades|graded|grading|regrade|deadline|extension|syllabus|gradescope|ta|tas|tutor|
  office\s+hours?|week\s*\d+|reschedule|grace\s+days?|late|dataset|data|model|models|app|pipeline|code|
  repo|notebook|recommender|classifier|embeddings?)\b
`;

/** The everyday request the question makes by its phrasing alone, if any. */
export function everydayRequest(topic: string): DomainTerm | undefined {
  const match = ENTERTAINMENT_REQUEST.exec(topic);
  if (match) return { term: match[0].toLowerCase(), domain: "entertainment" };
  const asked = OTHER_SUBJECT_ASK.exec(topic);
  if (asked) return { term: asked[0].toLowerCase(), domain: "subjects" };
  // Another subject's coursework, unless the question ties it to this course's own pieces.
  const work = OTHER_SUBJECT_WORK.exec(topic);
  return work && !COURSE_ANCHOR.test(topic) ? { term: work[0].toLowerCase(), domain: "subjects" } : undefined;
}

/** Whether the question is about the student's own affairs and names nothing of a course. */
export function ownAffairs(topic: string): boolean {
  return OWN.test(topic) && !COURSE_ANCHOR.test(topic);
}
