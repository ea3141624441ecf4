/**
 * The widget's styles, scoped by its shadow root. `:host { all: initial }` stops the host page's
 * inherited styles (fonts, colours, line heights) from leaking in. Colours meet WCAG AA contrast
 * (body text ≥ 7:1, buttons and notices ≥ 4.5:1).
 */
export const WIDGET_CSS = `
:host { all: initial; }
.ct-root, .ct-root * { box-sizing: border-box; }
.ct-root {
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1f2937;
  --ct-accent: #1d4ed8;
  --ct-accent-dark: #1e3a8a;
}
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible, a:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--ct-accent); outline-offset: 2px;
}
.ct-launcher {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  display: inline-flex; align-items: center; gap: 8px;
  min-height: 48px; padding: 0 18px; border: 0; border-radius: 999px;
  background: var(--ct-accent); color: #fff; font-weight: 600;
  box-shadow: 0 4px 14px rgba(15, 23, 42, .3);
}
.ct-launcher:hover { background: var(--ct-accent-dark); }
.ct-launcher:focus-visible { outline: 3px solid #0f172a; outline-offset: 3px; }
.ct-panel {
  position: fixed; right: 16px; bottom: 76px; z-index: 2147483001;
  width: 400px; max-width: calc(100vw - 32px); height: min(640px, calc(100vh - 96px));
  display: flex; flex-direction: column;
  background: #fff; border: 1px solid #cbd5e1; border-radius: 14px;
  box-shadow: 0 12px 40px rgba(15, 23, 42, .28); overflow: hidden;
}
.ct-panel[hidden] { display: none; }
.ct-header {
  display: flex; align-items: center; gap: 8px; padding: 10px 10px 10px 16px;
  background: var(--ct-accent); color: #fff;
}
.ct-title { margin: 0; font-size: 16px; font-weight: 700; flex: 1; min-width: 0; }
.ct-title small { display: block; font-size: 12px; font-weight: 500; opacity: .95; }
.ct-icon-button {
  display: inline-flex; align-items: center; justify-content: center; gap: 4px;
  min-width: 36px; min-height: 36px; padding: 0 8px; border: 1px solid rgba(255, 255, 255, .6);
  border-radius: 8px; background: transparent; color: #fff; font-size: 13px;
}
.ct-icon-button:hover { background: rgba(255, 255, 255, .15); }
.ct-header button:focus-visible { outline-color: #fff; }
.ct-modes {
  display: flex; gap: 4px; padding: 8px 12px; border-bottom: 1px solid #e2e8f0; background: #f8fafc;
  align-items: center; flex-wrap: wrap;
}
.ct-modes-label { font-size: 13px; color: #475569; margin-right: 4px; }
.ct-mode {
  min-height: 32px; padding: 2px 12px; border: 1px solid #94a3b8; border-radius: 999px;
  background: #fff; color: #1f2937; font-size: 13px;
}
.ct-mode[aria-checked="true"] { background: var(--ct-accent); border-color: var(--ct-accent); color: #fff; }
.ct-log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 12px; }
.ct-empty { color: #475569; margin: auto 8px; text-align: center; }
.ct-msg { max-width: 100%; overflow-wrap: anywhere; }
.ct-msg p { margin: 0 0 8px; }
.ct-msg p:last-child { margin-bottom: 0; }
.ct-user {
  align-self: flex-end; max-width: 85%; padding: 8px 12px; border-radius: 14px 14px 4px 14px;
  background: #e0e7ff; color: #1e1b4b; white-space: pre-wrap;
}
.ct-tutor {
  align-self: stretch; padding: 10px 12px; border-radius: 14px 14px 14px 4px;
  background: #f1f5f9; border: 1px solid #e2e8f0;
}
.ct-tutor ul, .ct-tutor ol { margin: 0 0 8px; padding-left: 22px; }
.ct-tutor pre {
  margin: 0 0 8px; padding: 8px; overflow-x: auto; background: #0f172a; color: #f8fafc;
  border-radius: 6px; font-size: 13px;
}
.ct-tutor code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
.ct-tutor :not(pre) > code { background: #e2e8f0; padding: 0 4px; border-radius: 4px; }
.ct-tutor blockquote { margin: 0 0 8px; padding-left: 10px; border-left: 3px solid #94a3b8; color: #334155; }
.ct-tutor a { color: var(--ct-accent); }
.ct-md-heading { margin-top: 4px; }
.ct-notice {
  display: flex; gap: 6px; align-items: flex-start; margin: 0 0 8px; padding: 8px 10px;
  border-radius: 8px; font-weight: 600; font-size: 14px;
}
.ct-notice-no-answer { background: #fef3c7; color: #713f12; border: 1px solid #f59e0b; }
.ct-notice-refused { background: #ede9fe; color: #3b0764; border: 1px solid #a78bfa; }
.ct-notice-error { background: #fee2e2; color: #7f1d1d; border: 1px solid #f87171; }
.ct-notice-degraded { background: #e0f2fe; color: #0c4a6e; border: 1px solid #7dd3fc; font-weight: 500; }
.ct-cite-ref {
  display: inline-flex; align-items: center; justify-content: center;
  min-width: 20px; height: 20px; margin: 0 1px; padding: 0 5px; vertical-align: 1px;
  border: 1px solid var(--ct-accent); border-radius: 10px; background: #fff; color: var(--ct-accent);
  font-size: 11px; font-weight: 700; line-height: 1;
}
.ct-cite-ref:hover { background: var(--ct-accent); color: #fff; }
.ct-sources { margin-top: 10px; padding-top: 8px; border-top: 1px solid #cbd5e1; }
.ct-sources h3 { margin: 0 0 6px; font-size: 13px; color: #334155; text-transform: uppercase; letter-spacing: .04em; }
.ct-sources ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.ct-source { padding: 6px 8px; border-radius: 8px; background: #fff; border: 1px solid #e2e8f0; }
.ct-source.ct-highlight { border-color: var(--ct-accent); box-shadow: 0 0 0 2px rgba(29, 78, 216, .25); }
.ct-source-link { font-weight: 600; color: var(--ct-accent); text-decoration: underline; }
.ct-source-title { font-weight: 600; }
.ct-source-n { font-weight: 700; margin-right: 4px; color: #1f2937; }
.ct-source-heading { display: block; font-size: 13px; color: #334155; }
.ct-snippet { margin: 4px 0 0; font-size: 13px; color: #475569; }
.ct-feedback { display: flex; align-items: center; gap: 6px; margin-top: 10px; flex-wrap: wrap; }
.ct-feedback-label { font-size: 13px; color: #475569; }
.ct-vote {
  display: inline-flex; align-items: center; gap: 4px; min-height: 32px; padding: 0 10px;
  border: 1px solid #94a3b8; border-radius: 8px; background: #fff; color: #1f2937; font-size: 13px;
}
.ct-vote[aria-pressed="true"] { background: var(--ct-accent); border-color: var(--ct-accent); color: #fff; }
.ct-feedback-status { font-size: 13px; color: #166534; }
.ct-retry {
  min-height: 32px; padding: 0 12px; border: 1px solid #7f1d1d; border-radius: 8px;
  background: #fff; color: #7f1d1d; font-weight: 600;
}
.ct-typing { color: #475569; font-style: italic; }
.ct-form { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid #e2e8f0; background: #fff; }
.ct-input {
  flex: 1; min-height: 44px; max-height: 140px; resize: none; padding: 10px 12px;
  border: 1px solid #64748b; border-radius: 10px; font: inherit; color: #1f2937; background: #fff;
}
.ct-send {
  display: inline-flex; align-items: center; gap: 6px; min-height: 44px; padding: 0 14px;
  border: 0; border-radius: 10px; background: var(--ct-accent); color: #fff; font-weight: 600;
}
.ct-send:disabled { background: #64748b; cursor: not-allowed; }
.ct-foot { margin: 0; padding: 0 12px 8px; font-size: 12px; color: #475569; background: #fff; }
.ct-page, .ct-page .ct-panel { height: 100%; }
.ct-page .ct-launcher, .ct-page .ct-close, .ct-icon-button[hidden] { display: none; }
.ct-page .ct-panel {
  position: relative; right: auto; bottom: auto; z-index: auto; width: 100%; max-width: none;
  border: 0; border-radius: 0; box-shadow: none; animation: none;
}
@media (max-width: 480px) {
  .ct-panel { right: 0; bottom: 0; width: 100vw; max-width: 100vw; height: 100%; border-radius: 0; border: 0; }
  .ct-launcher { right: 12px; bottom: 12px; }
}
@media (prefers-reduced-motion: no-preference) {
  .ct-panel { animation: ct-in .16s ease-out; }
  @keyframes ct-in { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
}
`;
