export type IntegrityFamily = "do_my_work" | "answer_key" | "pasted_question" | "known_question" | "custom";
