/** The embeddable chat widget: its browser code (client/) bundled on demand into widget.js. */
export {
  type BrowserBundle,
  bundleBrowserScript,
  bundleWidget,
  createWidgetBundleCache,
  type WidgetBundle,
  widgetEntry,
} from "./build.ts";
/** The markdown reader answers are shown with, shared with the server-rendered course pages. */
export {
  type Block,
  type Inline,
  inlineText,
  parseInline,
  parseMarkdown,
  safeHref,
} from "./client/markdown.ts";
