import { reSource } from "../../regex.ts";

/** Requests for graded work in Spanish, French, German, Italian and Portuguese (accents folded away). */

// "Do / write / solve / finish" in Spanish, French, German, Italian and Portuguese, …
const DO_VERB_ABROAD = reSource`
  (?:haz(?:me)?|hace(?:me)?|hagas|resuelve(?:me)?|escribe(?:me)?|completa(?:me)?|termina(?:me)?|
  redacta(?:me)?|fais|faire|fait|resous|resoudre|redige|rediger|ecris|ecrire|termine|terminer|complete|
  completer|mach|machen|machst|lose|losen|lost|schreib|schreibe|schreiben|erledige|erledigen|fa(?:mmi|i)?|
  fare|risolvi|scrivi|completa|faca|faz|resolva|escreva)
`;
// … "my" …
const MY_ABROAD = reSource`
  (?:mi|mis|mon|ma|mes|meine|meinen|meiner|mein|il mio|la mia|i miei|le mie|meu|minha|meus|minhas)
`;
// … with the graded work, …
const GRADED_WORK_ABROAD = reSource`
  (?:tarea|tareas|deberes|trabajo|laboratorio|proyecto|examen|practica|ensayo|informe|devoir|devoirs|projet|
  rapport|dissertation|tp|td|hausaufgabe|hausaufgaben|aufgabe|aufgaben|projekt|prufung|klausur|bericht|
  laborbericht|ubung|ubungsblatt|compito|compiti|progetto|esame|relazione|tarefa|tarefas|trabalho|projeto|
  prova|relatorio)
`;
// … or the work …
const WORK_ABROAD = reSource`
  (?:tarea|tareas|deberes|trabajo|laboratorio|proyecto|examen|devoir|devoirs|projet|rapport|hausaufgabe|
  hausaufgaben|aufgabe|projekt|compito|compiti|progetto|tarefa|trabalho|projeto)
`;
// … done "for me / in my place".
const FOR_ME_ABROAD = reSource`(?:por mi|a ma place|pour moi|fur mich|per me|por mim)`;

// Asking the tutor to do "my" graded work, or to do it "for me", in another language.
export const DO_MY_WORK_ABROAD = reSource`
  \b${DO_VERB_ABROAD}\b.{0,40}\b(?:${MY_ABROAD}\s+(?:\p{L}+\s+)?${GRADED_WORK_ABROAD}|
  ${WORK_ABROAD}\b.{0,40}\b${FOR_ME_ABROAD})\b
`;
// German asking "kannst du" with the verb last: "kannst du meine Hausaufgabe … lösen".
export const KANNST_DU = reSource`
  \b(?:kannst|konntest|wurdest|willst|sollst)\s+du\b.{0,20}\b(?:meine|meinen|mein|
  meiner)\s+(?:\p{L}+\s+)?(?:hausaufgabe|hausaufgaben|aufgabe|aufgaben|projekt|prufung|klausur|bericht|
  laborbericht|ubung|ubungsblatt|abgabe)\b.{0,40}\b(?:losen|machen|schreiben|erledigen|bearbeiten|
  fertig ?machen|fertigstellen)\b
`;
