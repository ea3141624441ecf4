export type IntegrityFamily =
  | "do_my_work"
  | "answer_key"
  | "fabrication"
  | "evasion"
  | "exam_help"
  | "pasted_question"
  | "known_question"
  | "custom";
