/** Markdown, HTML and delimiter noise replaced by spaces, so "**ignore** all" reads "ignore all". */
export function stripMarkup(text: string): string {
  return text
    .replace(/<!--|-->/g, " ")
    .replace(/<\/?[a-z][^>]*>/gi, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_~`#>|=^]+/g, " ")
    .replace(/[ \t]+/g, " ");
}
