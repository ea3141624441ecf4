/** The opening line of a fenced code block (CommonMark: up to three spaces, then ``` or ~~~). */
export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
