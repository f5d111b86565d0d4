/**
 * The stylesheet of an exported HTML file (inline: the file must read the same offline). Follows
 * the reader's light/dark preference; shiki's dual-theme colours are CSS variables on each token.
 * The print rules keep long conversations whole: no fixed heights or scroll boxes, code wraps
 * instead of being clipped, reasoning prints open, and a message may break across pages.
 */
export const exportStyles = `
:root { color-scheme: light dark; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --surface: #ffffff; --soft: #f6f8fa; --accent: #2f6feb; }
@media (prefers-color-scheme: dark) { :root { --ink: #e6edf3; --muted: #9198a1; --line: #3d444d; --surface: #0d1117; --soft: #151b23; --accent: #4493f8; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--surface); color: var(--ink); font: 15px/1.7 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif; }
main { max-width: 760px; margin: 0 auto; padding: 32px 20px 64px; }
header.doc { border-bottom: 1px solid var(--line); padding-bottom: 16px; margin-bottom: 24px; }
header.doc h1 { font-size: 1.6em; line-height: 1.3; margin: 0 0 6px; overflow-wrap: anywhere; }
.meta { color: var(--muted); font-size: 13px; }
.message { margin: 0 0 22px; }
.role { font-size: 12px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); margin-bottom: 4px; }
.message.user .bubble { background: var(--soft); border: 1px solid var(--line); border-radius: 14px; padding: 10px 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
.plain { white-space: pre-wrap; overflow-wrap: anywhere; }
details.reasoning { border-left: 2px solid var(--line); padding-left: 12px; margin: 6px 0 10px; color: var(--muted); font-size: 13.5px; }
details.reasoning summary { cursor: pointer; font-weight: 600; }
details.reasoning div { white-space: pre-wrap; overflow-wrap: anywhere; }
.status { color: var(--muted); font-style: italic; font-size: 13px; }
.markdown { overflow-wrap: anywhere; }
.markdown a, a { color: var(--accent); }
.markdown :not(pre) > code { background: var(--soft); border: 1px solid var(--line); border-radius: 5px; padding: 0 4px; font-size: .9em; }
.markdown blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--line); color: var(--muted); }
.table-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 10px; margin: 1em 0; }
.markdown table { border-collapse: collapse; width: 100%; font-size: .92em; }
.markdown th, .markdown td { border-bottom: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
.markdown th { background: var(--soft); }
.code-block { border: 1px solid var(--line); border-radius: 10px; background: var(--soft); margin: 1em 0; overflow: hidden; }
.code-lang { font: 12px ui-monospace, monospace; color: var(--muted); padding: 6px 12px; border-bottom: 1px solid var(--line); }
pre.shiki { margin: 0; padding: 12px 14px; overflow-x: auto; font: 13px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.shiki span { color: var(--shiki-light); }
@media (prefers-color-scheme: dark) { .shiki span { color: var(--shiki-dark); } }
img.attachment { max-width: 100%; max-height: 480px; border-radius: 10px; border: 1px solid var(--line); display: block; margin: 6px 0; }
.image-placeholder { display: inline-block; border: 1px dashed var(--line); border-radius: 8px; padding: 4px 10px; color: var(--muted); font-size: 13px; }
footer.doc { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 12px; }
@media print {
  :root { --ink: #000; --muted: #444; --line: #bbb; --surface: #fff; --soft: #f4f4f4; color-scheme: light; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .shiki span { color: var(--shiki-light) !important; }
  pre.shiki { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
  .table-scroll { overflow: visible; }
  details.reasoning > div { display: block; }
  .code-block, img.attachment, tr { break-inside: avoid; }
  .role { break-after: avoid; }
  a { color: inherit; }
}
`;
