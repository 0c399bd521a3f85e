/** The page's only stylesheet, inline: system fonts, no url(), no @import, a print variant. */
export const STYLES = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;
--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;
--info:#0969da;--info-bg:#ddf4ff;--skip:#59636e;--skip-bg:#eaeef2;--purple:#8250df}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;color:var(--fg);background:var(--bg);\
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main,header.page{max-width:1280px;margin:0 auto;padding:0 24px}
header.page{padding-top:16px}
h1{font-size:20px;margin:0 0 8px}
h2{font-size:20px;margin:32px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:0;display:inline}
h4{font-size:14px;margin:16px 0 6px}
h5{font-size:12px;margin:0 0 4px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
code,pre{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
pre{margin:0 0 8px;padding:8px 10px;background:var(--soft);border:1px solid var(--line);\
border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}
a{color:inherit}
.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.muted,.hint,.none{color:var(--muted)}
.none{font-style:italic}
nav.toc ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:0 0 8px;padding:0}
.scroll{overflow-x:auto}
.tag{display:inline-block;padding:0 6px;border:1px solid currentColor;border-radius:10px;font-size:12px}
.verdict{border-radius:10px;padding:16px 20px;margin:8px 0 16px;border:2px solid}
.verdict-pass{background:var(--pass-bg);border-color:var(--pass)}
.verdict-fail{background:var(--fail-bg);border-color:var(--fail)}
.verdict-head{display:flex;flex-wrap:wrap;align-items:center;gap:8px 28px}
.verdict-word{font-size:60px;font-weight:800;line-height:1;margin:0;padding:0;border:0;letter-spacing:.02em}
.verdict-pass .verdict-word{color:var(--pass)}
.verdict-fail .verdict-word{color:var(--fail)}
.verdict-summary{font-size:16px;font-weight:600;margin:0 0 6px}
.tests{margin:6px 0 0}
.chips,.legend,.pairs{display:flex;flex-wrap:wrap;gap:6px;list-style:none;margin:0;padding:0}
.chip{padding:1px 8px;border-radius:10px;font-weight:600;border:1px solid}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:14px 0 0}
.meta dt{font-weight:600}.meta dd{margin:0;overflow-wrap:anywhere}
.st-passed{color:var(--pass);background:var(--pass-bg);border-color:var(--pass)}
.st-failed{color:#fff;background:var(--fail);border-color:var(--fail)}
.st-warning{color:var(--warn);background:var(--warn-bg);border-color:var(--warn)}
.st-info{color:var(--info);background:var(--info-bg);border-color:var(--info)}
.st-skipped{color:var(--skip);background:repeating-linear-gradient(135deg,var(--skip-bg) 0 4px,#fff 4px 7px);border-color:var(--skip)}
.st-none{background:#fff}
.legend{margin:8px 0}
.legend li{display:flex;align-items:center;gap:4px}
.swatch{display:inline-block;width:20px;height:20px;text-align:center;line-height:18px;border:1px solid var(--line);font-weight:700}
table{border-collapse:collapse}
.matrix th,.matrix td{border:1px solid var(--line)}
.matrix .cell{width:28px;min-width:28px;height:22px;text-align:center;font-weight:700;padding:0}
.matrix .cell a{display:block;text-decoration:none}
.matrix th.op{height:180px;vertical-align:bottom;padding:4px 2px;font-weight:600;font-size:12px;white-space:nowrap}
.matrix th.op span{display:inline-block;writing-mode:vertical-rl;transform:rotate(180deg)}
.matrix th.corner{vertical-align:bottom;text-align:left;font-weight:400;color:var(--muted);font-size:12px;padding:4px 8px}
.matrix th.check{text-align:left;font-weight:400;font-family:ui-monospace,Menlo,Consolas,monospace;\
font-size:12px;padding:1px 8px;white-space:nowrap;position:sticky;left:0;background:#fff}
.matrix .group-head th{text-align:left;background:var(--soft);font-size:12px;text-transform:uppercase;letter-spacing:.04em;padding:6px 8px}
.matrix tbody tr:hover th.check{background:var(--soft)}
table.plain th,table.plain td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
table.plain thead th{background:var(--soft)}
.callout{border-radius:8px;padding:10px 14px;margin:0 0 12px;border:1px solid}
.callout.ok{background:var(--pass-bg);border-color:var(--pass)}
.callout.gaps{background:var(--warn-bg);border-color:var(--warn)}
.callout h3{display:block;margin-bottom:4px}
.callout ul{margin:4px 0;padding-left:20px}
li.undocumented{color:var(--fail);font-weight:600}
.pair{padding:0 6px;border-radius:4px;border:1px solid var(--line);font-size:12px;white-space:nowrap}
.pair.observed{background:var(--pass-bg);border-color:var(--pass)}
.pair.gap{border:1px dashed var(--warn);background:var(--warn-bg)}
.pair.undocumented{background:var(--fail);color:#fff;border-color:var(--fail)}
.bar{vertical-align:middle}.bar .bar-bg{fill:var(--skip-bg)}.bar-statuses .bar-fill{fill:var(--pass)}.bar-fields .bar-fill{fill:var(--info)}
.bar-text{font-size:12px;color:var(--muted);margin-right:8px}
table.fields{margin-top:4px;font-size:12px}
table.fields th,table.fields td{padding:0 6px;border-bottom:1px solid var(--line);text-align:left}
td.form.sent{color:var(--pass)}
td.form.gap{color:var(--warn);background:var(--warn-bg);font-weight:700}
.failure{border:1px solid var(--line);border-left:5px solid var(--fail);border-radius:8px;padding:10px 16px;margin:0 0 16px}
.failure>summary{cursor:pointer;padding:2px 0}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0}
.facts dt{font-weight:600}.facts dd{margin:0}
.issues{padding-left:20px;margin:0}
.issue{margin-bottom:10px}
.issue-message{font-weight:600;margin:0 0 4px}
.versus,.exchange{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.received pre{background:var(--fail-bg);border-color:#ffcecb}
.documented pre{background:var(--pass-bg);border-color:#aceebb}
.request-line,.status-line{font-weight:700}
.curl,.replay-command{background:#24292f;color:#f6f8fa;border-color:#24292f;user-select:all}
.timeline{max-width:100%;height:auto;display:block;margin:4px 0 8px;background:#fff}
.timeline .grid{stroke:var(--line);stroke-dasharray:2 3}
.timeline .axis{stroke:var(--muted)}.timeline .tick{stroke:var(--muted)}
.timeline text{font-size:11px;fill:var(--muted);font-family:inherit}
.timeline .state-label{fill:var(--fg);font-weight:600}
.timeline .budget{stroke:var(--fail);stroke-dasharray:4 3}
.timeline .progress{fill:none;stroke:var(--info);stroke-width:2}
.timeline .progress-point{fill:var(--info)}
.mark{stroke:#fff;stroke-width:1.5}
.ts-pending{fill:#8c959f;background:#8c959f}.ts-running{fill:var(--info);background:var(--info)}.ts-blocked{fill:#bf8700;background:#bf8700}
.ts-succeeded{fill:var(--pass);background:var(--pass)}.ts-failed{fill:var(--fail);background:var(--fail)}
.ts-other{fill:var(--purple);background:var(--purple)}.ts-http-error{fill:#24292f;background:#24292f}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px}
.errors{list-style:none;padding:0}.error{border-left:4px solid var(--fail);padding-left:10px;margin-bottom:10px}
footer{color:var(--muted);font-size:12px;margin:32px 0 24px}
@media (max-width:800px){.versus,.exchange{grid-template-columns:1fr}}
@media print{
body{font-size:11px}
main,header.page{max-width:none;padding:0}
nav.toc,.hint{display:none}
.matrix th.check{position:static}
.scroll{overflow:visible}
.failure{break-inside:auto;border-left-width:3px}
.issue,.timeline,.exchange>div,tr{break-inside:avoid}
h2{break-after:avoid}
pre{font-size:10px}
.curl,.replay-command{background:var(--soft);color:var(--fg);border-color:var(--line)}
}
`;
