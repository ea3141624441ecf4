import type { TutorClient } from "./api.ts";
import type { PanelParts } from "./panel.ts";
import type { ConversationMemory, PanelMemory, SavedConversation } from "./store.ts";

export interface WidgetOptions {
  root: ShadowRoot;
  course: string;
  /** Shown in the panel header. */
  courseLabel: string;
  /** The tutor's address, for links in answers and citations. */
  base: string;
  client: TutorClient;
  memory: ConversationMemory;
  panelMemory: PanelMemory;
  /** Waits between automatic retries after network failures (default RETRY_DELAYS). */
  retryDelays?: readonly number[];
  /**
   * `floating` (default): a launcher and a panel over the page. `page`: the chat fills the
   * element it is mounted in, always open (an LMS launch, a full-page tutor).
   */
  layout?: WidgetLayout;
  /**
   * A session the page signed the student into (an LMS launch); the widget always continues it,
   * so "New" is not offered.
   */
  sessionId?: string;
}

export type WidgetLayout = "floating" | "page";

/** Two retries, half a second then a second and a half after a network failure. */
export const RETRY_DELAYS: readonly number[] = [500, 1500];

/** What the widget's parts share: its options, its elements and the conversation on screen. */
export interface WidgetContext {
  options: WidgetOptions;
  parts: PanelParts;
  /** The conversation (replaced when a new one starts) and whether an answer is on its way. */
  session: { state: SavedConversation; busy: boolean };
  /** Stores the conversation for the next page load. */
  save(): void;
  /** Says `text` to screen readers through the status region. */
  announce(text: string): void;
  /** A fresh element id with this prefix. */
  uid(prefix: string): string;
  /** `options.retryDelays` or the default. */
  retryDelays: readonly number[];
  /** Makes a link absolute against the tutor's address (not the host page's). */
  resolveHref(href: string): string;
}
