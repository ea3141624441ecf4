import { re, reSource } from "../../regex.ts";
import { PERSONAL_RECORD, PRIVATE_LIFE, RECORD } from "./vocabulary.ts";

/**
 * A person named as written (capitals mark a name, initials like "J.R." too), joined to a record,
 * a private-life attribute or a piece of graded work; and the same questions in Spanish, French,
 * German and Portuguese. Matched on the text as written, so a capital word is a name and
 * "Cohen's kappa" or "Spotify's pipeline" (no personal attribute) pass.
 */

// Sentence-initial words and course words that are capitalised without being anyone's name.
const NOT_A_NAME = reSource`
  (?:What|Who|Where|When|Which|Why|How|That|This|It|There|Here|Let|He|She|They|We|You|I|Is|Does|Do|Did|
  Can|Could|Would|Will|Please|Give|Send|Show|Tell|Pull|List|Find|Get|My|Our|The|A|An|And|Or|But|So|If|
  Lab|Project|Quiz|Midterm|Final|Exam|Python|Docker|Gradescope|Canvas|Slack|Discord|GitHub|Github|
  Kaggle|Google|Spotify|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Section|Professor|
  Prof|Dr|Mr|Mrs|Ms|Quel|Quelle|Welche|Welcher|Qual|Cu[aá]l|Qu[eé]|Me|Mi|Mon|Ma|Mein|Meine|Meu|Minha)
`;
// "Maya Chen", "Tomasz", "O'Brien", or initials "J.R." / "K. M.".
export const NAME = reSource`
  (?:(?<![\p{L}'’])(?!${NOT_A_NAME}\b)\p{Lu}\p{Ll}+(?:['’]\p{Lu}\p{Ll}+)?(?:[ -]\p{Lu}\p{Ll}*(?:['’]\p{Lu}\p{Ll}+)?)?
  (?:\s\p{Lu}\.)?|\b\p{Lu}\.\s?\p{Lu}\.?(?!\p{L}))
`;
const POSSESSIVE = "(?:'s|’s|')";
// Work asked to be handed over by its owner's name: "Ahmed's lab 4 report", "Lena's submission".
const GRADED_WORK = reSource`
  (?:(?:[Ll]ab|[Pp]roject|[Aa]ssignment|[Hh]omework|[Qq]uiz|[Mm]idterm|[Ee]xam|[Cc]apstone)\s*\d*\s+
  (?:report|code|notebook|submission|solution|answers|write-?up)|(?:[Gg]radescope\s+)?submissions?|
  submitted\s+(?:work|code))
`;
// "student ID", "ID number" as students write them.
const ID_CAPS = "(?:[Ss]tudent\\s+(?:ID|Id|id|number)(?:\\s+number)?|ID\\s+number)";
const GRADE_WORD = "(?:grade|mark|score|result|gpa|GPA|points)s?";

// "número" / "numéro" is a phone or an ID only when it says so ("el número de teléfono de Ana", "le
// numéro perso de Camille"): "el número de Avogadro" and "el número de Reynolds" are constants.
const PHONE_NUMERO = reSource`
  [Nn][uú]m[eé]ro(?:\s+de)?\s+(?:t[eé]l[eé]phone|tel[eé]fono|telefone|celular|m[oó]vil|portable|whatsapp|
  WhatsApp|contacto|contato|matr[ií]cula|estudiante|[eé]tudiant|aluno)|[Nn][uú]m[eé]ro(?=\s+(?:personal|perso|
  priv[eé]e?|pessoal|privad[oa])\b)
`;

export const NAMED_CLASS_PATTERNS: RegExp[] = [
  // "Tomasz's attendance record", "Priya's medical condition", "Ahmed's lab 4 report".
  re("u")`
    ${NAME}${POSSESSIVE}\s+(?:\p{Ll}+\s+){0,2}?(?:${PERSONAL_RECORD}|${ID_CAPS}|${PRIVATE_LIFE}|${GRADED_WORK})\b
  `,
  // "the attendance of Tomasz", "the accommodation letter for J.R.".
  re("u")`\b(?:${RECORD}|${PRIVATE_LIFE})\s+(?:of|for|from)\s+(?:my\s+\p{Ll}+\s+)?${NAME}`,
  // "what grade Maya Chen got", "which score did Omar get".
  re("u")`
    \b(?:[Ww]hat|[Ww]hich|[Hh]ow many)\s+${GRADE_WORD}\s+(?:did\s+|does\s+|has\s+)?(?:my\s+\p{Ll}+\s+)?${NAME}\s+
    (?:got|get|gets|received|receive|scored|score|earned|earn|made|make|has|have)\b
  `,
  // "What illness does Priya have", "Does J.R. have an accommodation letter", "Is Lena pregnant".
  re("u")`
    \b(?:[Ww]hat|[Ww]hich)\s+(?:kind of\s+)?${PRIVATE_LIFE}\s+(?:does|did|has|is)\s+${NAME}\b|\b(?:[Dd]oes|[Dd]id|
    [Hh]as)\s+(?:my\s+\p{Ll}+\s+)?${NAME}(?:\s+(?:from|in|on)\s+(?:my|our|the)\s+\p{Ll}+)?\s+(?:have|get|
    got)\s+(?:an?\s+|any\s+)?(?:\p{Ll}+\s+)?(?:${RECORD}|
    ${PRIVATE_LIFE}|ADHD|adhd|autism|depression)\b|\b[Hh]ow\s+old\s+is\s+${NAME}|\b[Hh]ow\s+many\s+(?:lectures|
    labs|classes|sessions|
    quizzes|meetings|deadlines|days)\s+(?:has|did|have)\s+${NAME}\s+(?:missed|skipped|attended|miss|skip|attend)\b
  `,
  // Spanish, French, German, Portuguese: contact details or a grade "of" a named person or of
  // "my teammate", and "what grade did X get".
  re("u")`
    \b(?:[Cc]orreo|[Ee]-?mail|[Tt]el[eé]fono|[Tt]elefone|${PHONE_NUMERO}|[Dd]irecci[oó]n|[Aa]dresse|[Ee]ndere[cç]o|
    [Nn]ota|[Nn]otes?|[Nn]oten?|[Tt]elefonnummer|[Hh]andynummer|[Mm]atr[ií]cula|[Mm]atrikelnummer|[Ii]nstagram|
    [Ee]dad|[Ââ]ge|[Aa]lter|[Ii]dade)(?:\s+(?:personal|perso|priv[eé]e?|pessoal|privada?|de\s+t[eé]l[eé]phone))?
    \s+(?:de|von|d[aeo]|du)\s+(?:la\s+|el\s+|l'|mon\s+\p{Ll}+\s+|ma\s+\p{Ll}+\s+|mi\s+\p{Ll}+\s+|meine[mnrs]?\s+
    \p{Ll}+\s+)?${NAME}|\b(?:[Qq]ue|[Qq]uelle|[Qq]uel)\s+(?:note|moyenne|[âa]ge)\s+(?:a\s+eu|a\s+obtenu|a)\s+
    (?:\p{Ll}+\s+){0,2}?${NAME}|\b[Ww]elche\s+(?:Note|Noten|Punktzahl)\s+hat\s+(?:\p{Ll}+\s+){0,2}?${NAME}|
    \b[Qq]u[eé]\s+(?:nota|calificaci[oó]n)\s+(?:sac[oó]|tiene|obtuvo|recibi[oó]|tuvo|tir[oó])\s+(?:\p{Ll}+\s+){0,2}?
    ${NAME}|\b[Qq]ual\s+(?:[eé]\s+)?(?:a\s+|o\s+)?(?:nota|e-?mail|telefone|endere[cç]o|idade)\s+(?:d[aeo]s?\s+)?
    (?:\p{Ll}+\s+){0,2}?${NAME}
  `,
];

/** The same questions about "my teammate" or "the girl in my team" in other languages (lower-case forms). */
export const ABROAD_CLASS_PATTERNS: RegExp[] = [
  re("iu")`
    \b(?:correo|e-?mail|telefono|numero|direccion|instagram|nota|notas|calificacion(?:es)?|matricula|edad|
    adresse|numero de telephone|note|telephone|telefone|endereco|idade|telefonnummer|handynummer|noten?)
    (?:\s+(?:personal|perso|privee?|pessoal|privada?))?(?:\s+y\s+el\s+\p{L}+)?\s+(?:de|d[aeo]|du|von)\s+
    (?:la|el|mon|ma|mi|meu|minha|meine[mnrs]?|meines)\s+(?:chica|chico|companer[oa]|compi|coequipiere?|
    camarade|binome|colega|parceir[oa]|kommiliton\w*|teamkolleg\w*|mitstudent\w*)\b|\b(?:quelle|quel)\s+
    (?:note|moyenne)\s+(?:a\s+eu|a\s+obtenu|a)\s+(?:mon|ma)\s+\p{L}+|\bwelche\s+noten?\s+hat\s+(?:mein|meine)\s+
    \p{L}+|\bque\s+nota\s+(?:saco|tiene|obtuvo|recibio|tuvo)\s+(?:mi|el|la)\s+\p{L}+
  `,
];
