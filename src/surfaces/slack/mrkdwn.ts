/**
 * Text crossing the Slack boundary. Slack's "mrkdwn" treats `<`, `>` and `&` as control
 * characters (links, @channel pings), so everything we did not write as markup is escaped first.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link Slack renders; only http(s) targets, and `|`/`>` cannot end the label early. */
export function mrkdwnLink(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMrkdwn(label);
  const safeUrl = url.replace(/&/g, "&amp;").replace(/</g, "%3C").replace(/>/g, "%3E").replace(/\|/g, "%7C");
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, "¦");
  return `<${safeUrl}|${safeLabel}>`;
}

/**
 * The tutor's answers are markdown (bold, italics, links, headings, lists, code); Slack speaks
 * mrkdwn. Code spans and blocks are left alone so their contents are not reinterpreted.
 */
export function markdownToMrkdwn(markdown: string): string {
  const parts = markdown.split(/(```[\s\S]*?```|`[^`\n]+`)/g);
  return parts
    .map((part, i) => (i % 2 === 1 ? escapeMrkdwn(part) : convertProse(part)))
    .join("")
    .trim();
}

function convertProse(text: string): string {
  const links: string[] = [];
  // Links first, before escaping touches their brackets; they come back from private-use
  // placeholders, which are removed from the input so none can be smuggled in.
  const withPlaceholders = text
    .replace(/\uE000/g, "")
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url) => {
      links.push(mrkdwnLink(url as string, label));
      return `\uE000${links.length - 1}\uE000`;
    });
  return escapeMrkdwn(withPlaceholders)
    .replace(/^([ \t]*)[-+*][ \t]+/gm, "$1• ")
    .replace(/(?<![*\w])\*(?!\*)([^*\n]+?)\*(?![*\w])/g, "_$1_")
    .replace(/\*\*([^*\n]+?)\*\*/g, "*$1*")
    .replace(/__([^_\n]+?)__/g, "*$1*")
    .replace(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm, (_m, title: string) => `*${title.replace(/\*/g, "")}*`)
    .replace(/\uE000(\d+)\uE000/g, (_m, i: string) => links[Number(i)] ?? "");
}

/**
 * What a student typed, from Slack's encoded message text: mentions of the bot (or anyone) are
 * dropped, channel and link references become plain words, and entities are decoded.
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " ")
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/<!(?:subteam\^[A-Z0-9]+\|)?([^>|]*)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<((?:https?|mailto):[^>|]+)\|([^>]*)>/g, "$2")
    .replace(/<((?:https?|mailto):[^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
