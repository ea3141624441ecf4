/** The embeddable chat widget: its browser code (client/) bundled on demand into widget.js. */
export { bundleWidget, createWidgetBundleCache, type WidgetBundle, widgetEntry } from "./build.ts";
