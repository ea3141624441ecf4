import type { SlackBlock } from "../../../src/surfaces/slack/blocks.ts";

/** The mrkdwn of a message's section and context blocks, in order. */
export function blockTexts(blocks: unknown): string[] {
  return ((blocks ?? []) as SlackBlock[]).flatMap((b) =>
    b.type === "section" ? [b.text.text] : b.type === "context" ? b.elements.map((e) => e.text) : [],
  );
}

/** Every button of a message's actions blocks. */
export function blockButtons(blocks: unknown) {
  return ((blocks ?? []) as SlackBlock[]).flatMap((b) => (b.type === "actions" ? b.elements : []));
}
