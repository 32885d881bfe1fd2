// The card's stylesheet, adopted inside the closed shadow root. No @font-face (fonts would load from the page's
// origin rules); system fonts only. Logical properties throughout so the Arabic card mirrors by `dir` alone.
export const CARD_CSS = String.raw`
:host { color-scheme: light dark; }
* { box-sizing: border-box; }
.card {
  --bg: #ffffff; --fg: #1b1f24; --muted: #5b636d; --border: #c9d1da; --accent: #1d3f8f; --accent-fg: #ffffff;
  --then: #eef3fb; --now: #f1f7ef; --chip: #eef1f5; --chip-hover: #dfe5ee; --shadow: 0 8px 28px rgba(15, 23, 42, .22), 0 1px 3px rgba(15, 23, 42, .16);
  position: fixed; top: 0; left: 0;
  width: 340px; max-width: calc(100vw - 16px); max-height: calc(100vh - 16px);
  overflow: auto; overscroll-behavior: contain;
  margin: 0; padding: 12px 14px 10px;
  background: var(--bg); color: var(--fg);
  border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow);
  font: 400 13.5px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif;
  text-align: start; pointer-events: auto; cursor: auto; user-select: text;
  -webkit-font-smoothing: antialiased; outline: none; color-scheme: light; scrollbar-width: thin;
}
.card:lang(ar) { font-size: 14.5px; line-height: 1.6; }
.card:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
:host([data-theme="dark"]) .card {
  --bg: #1d2129; --fg: #e6e9ee; --muted: #a3acb8; --border: #3a414d; --accent: #8fb0ff; --accent-fg: #0f1420;
  --then: #232c3d; --now: #23322a; --chip: #2b313b; --chip-hover: #363e4a; --shadow: 0 8px 28px rgba(0, 0, 0, .55);
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  :host([data-theme="auto"]) .card {
    --bg: #1d2129; --fg: #e6e9ee; --muted: #a3acb8; --border: #3a414d; --accent: #8fb0ff; --accent-fg: #0f1420;
    --then: #232c3d; --now: #23322a; --chip: #2b313b; --chip-hover: #363e4a; --shadow: 0 8px 28px rgba(0, 0, 0, .55);
    color-scheme: dark;
  }
}
@media (prefers-reduced-motion: no-preference) {
  .card.entering { animation: card-in 120ms ease-out; }
  @keyframes card-in { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
}
/* The name and the pin and close buttons stay in sight while a tall card scrolls. */
header {
  display: flex; align-items: flex-start; gap: 8px;
  position: sticky; top: -12px; z-index: 1; margin: -12px -14px 0; padding: 12px 14px 6px;
  background: var(--bg); border-radius: 10px 10px 0 0;
}
.titles { flex: 1; min-width: 0; }
h2 { margin: 0; font-size: 16px; font-weight: 650; line-height: 1.3; overflow-wrap: anywhere; }
.card:lang(ar) h2 { font-size: 17px; }
.original { display: block; margin-top: 1px; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.kind { margin-top: 2px; font-size: 12px; color: var(--muted); }
.tools { display: flex; gap: 2px; flex: none; margin-inline-end: -6px; margin-top: -4px; }
button {
  font: inherit; color: inherit; background: transparent; border: 0; margin: 0; padding: 0; cursor: pointer;
  -webkit-appearance: none; appearance: none;
}
.icon {
  width: 28px; height: 28px; border-radius: 6px; display: inline-flex; align-items: center; justify-content: center;
  color: var(--muted);
}
.icon:hover { background: var(--chip); color: var(--fg); }
.icon[aria-pressed="true"] { color: var(--accent); background: var(--chip); }
.icon svg { width: 16px; height: 16px; fill: none; stroke: currentColor; stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.summary { margin: 2px 0 0; }
.time { display: grid; gap: 6px; margin-top: 10px; }
.time.two { grid-template-columns: 1fr 1fr; }
.period { border-radius: 7px; padding: 6px 8px; background: var(--then); }
.period.now { background: var(--now); }
.period h3 { margin: 0 0 3px; font-size: 11.5px; font-weight: 600; color: var(--muted); line-height: 1.3; }
.period h3 .date { white-space: nowrap; }
.period ul { list-style: none; margin: 0; padding: 0; }
.period li { margin: 0; padding: 0; font-size: 13px; line-height: 1.35; }
.period li + li { margin-top: 4px; }
.period .dates { display: block; font-size: 11.5px; color: var(--muted); }
.notice { color: var(--muted); font-style: italic; }
.card:lang(ar) .notice { font-style: normal; }
.section-title { margin: 10px 0 3px; font-size: 11.5px; font-weight: 600; color: var(--muted); text-transform: none; }
.background { margin: 0; font-size: 12.5px; line-height: 1.45; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.background.open { display: block; -webkit-line-clamp: unset; }
.more { color: var(--accent); font-size: 12px; margin-top: 1px; text-decoration: underline; text-underline-offset: 2px; }
.related { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.chip { border-radius: 10px; padding: 1px 8px; background: var(--chip); font-size: 12px; line-height: 1.5; text-align: start; }
.chip:hover { background: var(--chip-hover); }
.sources { margin: 0; padding: 0; list-style: none; font-size: 12px; }
.sources li { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
a { color: var(--accent); text-decoration: underline; text-underline-offset: 2px; }
footer { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-top: 8px; padding-top: 6px; border-top: 1px solid var(--border); font-size: 11.5px; color: var(--muted); }
.full { color: var(--accent); font-weight: 600; font-size: 12px; }
.back { color: var(--accent); font-size: 12px; margin-bottom: 4px; }
@media (forced-colors: active) {
  .card { background: Canvas; color: CanvasText; border: 1px solid CanvasText; box-shadow: none; forced-color-adjust: auto; }
  .period, .chip, .icon[aria-pressed="true"] { background: Canvas; border: 1px solid CanvasText; }
  a, .full, .more, .back { color: LinkText; }
  button { color: ButtonText; }
  .original, .kind, .period h3, .period .dates, footer, .section-title { color: CanvasText; }
}
`;
