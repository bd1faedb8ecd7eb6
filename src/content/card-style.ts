/** The claim card's styles. They live inside the card's shadow root, out of reach of the page's CSS. */
export const CARD_CSS = `
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0969da; --chip: #f6f8fa;
  --warn-bg: #fff8c5; --warn-line: #d4a72c; --shadow: 0 8px 28px rgba(0, 0, 0, 0.18);
  --ok: #1a7f37; --part: #bc4c00; --bad: #cf222e; --mark: rgba(255, 212, 59, 0.55);
  position: fixed; top: 0; left: 0; box-sizing: border-box;
  /* A column: the claim on top and the footer below always show, the middle scrolls (see card.ts render). The
     max-height is the room beside the claim, set from the viewport on every resize; this one holds until then. */
  display: flex; flex-direction: column;
  width: min(380px, calc(100vw - 16px)); max-height: min(600px, calc(100vh - 16px)); overflow: hidden;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: var(--shadow); padding: 12px 0 10px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, sans-serif;
  text-align: left; direction: ltr; letter-spacing: normal; word-spacing: normal; text-transform: none;
  overscroll-behavior: contain;
}
.card.dark {
  --bg: #1c2128; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #4493f8; --chip: #262c36;
  /* White on the dark accent is 3.09:1; the filled button takes a deeper blue (4.6:1 with white). */
  --button: #1f6feb;
  --warn-bg: #3a2f10; --warn-line: #9e6a03; --shadow: 0 8px 28px rgba(0, 0, 0, 0.6);
  --ok: #57ab5a; --part: #f0883e; --bad: #f47067; --mark: rgba(187, 128, 9, 0.45);
}
.card:focus, .card:focus-visible { outline: none; }
/* The card's own horizontal padding is on its parts, so the middle's scrollbar sits at the card's edge. */
.head, .body, .foot { padding: 0 14px; }
.head { flex: none; }
.title-row { display: flex; align-items: center; gap: 8px; margin: 0 0 6px; }
.head .claim { max-height: 30vh; overflow: auto; }
.body { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; padding-bottom: 2px; }
.body:focus-visible, .claim:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
h2 { flex: 1; margin: 0; font-size: 12px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--muted); }
h3 { margin: 12px 0 6px; font-size: 12px; font-weight: 600; color: var(--muted); }
button {
  font: inherit; color: var(--fg); background: var(--chip); border: 1px solid var(--line); border-radius: 6px;
  padding: 2px 8px; cursor: pointer; min-height: 26px;
}
button:hover { border-color: var(--accent); }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
button:disabled { opacity: 0.45; cursor: default; }
button.close { border: none; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; }
blockquote { margin: 0; padding: 2px 0 2px 10px; border-left: 3px solid var(--accent); font-style: italic; }
ul { list-style: none; margin: 0; padding: 0; }
li.source { display: block; padding: 6px 0; border-top: 1px solid var(--line); }
li.source:first-child { border-top: none; }
.kind { color: var(--muted); font-size: 12px; }
.label { font-variant-numeric: tabular-nums; }
.title { display: block; font-weight: 600; overflow-wrap: anywhere; }
.link-text { color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.link-text q { color: var(--fg); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.meta { color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.missing { color: var(--muted); font-style: italic; }
li.finding {
  margin: 4px 0; padding: 6px 8px; border-radius: 6px; background: var(--warn-bg); border-left: 3px solid var(--warn-line);
}
li.finding strong { display: block; font-weight: 600; }
.check { margin: 10px 0 0; padding: 8px 10px; border-radius: 8px; background: var(--chip); border: 1px solid var(--line); }
.check .note, .check .progress { margin: 0 0 6px; color: var(--muted); font-size: 13px; }
.check[data-check="done"] { padding: 6px 10px; }
.check progress { display: block; width: 100%; height: 6px; margin: 0 0 8px; accent-color: var(--accent); }
button.check-sources {
  background: var(--button, var(--accent)); border-color: var(--button, var(--accent)); color: #fff; font-weight: 600;
}
.overall { margin: 0; font-weight: 600; }
.verdict { margin-top: 4px; font-weight: 600; font-size: 13px; }
.verdict-supported { color: var(--ok); }
.verdict-partial { color: var(--part); }
.verdict-not_found { color: var(--bad); }
.verdict-unavailable { color: var(--muted); }
.link-status { color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
blockquote.evidence {
  margin: 6px 0 0; padding: 4px 8px; border-left: 3px solid var(--line); font-style: normal; font-size: 13px;
  background: var(--chip); border-radius: 0 6px 6px 0;
}
mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 1px; }
.missing-terms { margin: 4px 0 0; font-size: 12.5px; color: var(--bad); }
a.open-passage { display: inline-block; margin-top: 4px; font-size: 12.5px; }
.foot {
  flex: none; display: flex; align-items: center; gap: 6px; padding-top: 8px; margin-top: 2px;
  border-top: 1px solid var(--line); color: var(--muted); font-size: 12px;
}
.foot .count { flex: 1; }
`;
