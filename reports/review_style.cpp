#include "reports/review_style.h"

namespace flowcost::reports {

// Paul Tol's "bright" and "muted" colours: distinguishable with the common colour-vision deficiencies.
const char* const kReviewStylesheet = R"css(
:root { --ink: #1d2430; --muted: #5b6575; --rule: #d9dde3; --accent: #2b5d9b; --paper: #ffffff; --band: #f4f6f9; }
* { box-sizing: border-box; }
html { background: var(--paper); }
body { margin: 0 auto; max-width: 980px; padding: 28px 36px 48px; color: var(--ink);
  font: 14px/1.5 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
header.masthead { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 18px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 11px; color: var(--accent); font-weight: bold; }
h1 { font-size: 26px; margin: 4px 0 4px; line-height: 1.2; }
h2 { font-size: 19px; margin: 30px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 6px 0 10px; }
.meta { color: var(--muted); font-size: 12.5px; margin: 0; }
.question { font-size: 15px; }
.verdict { background: var(--band); border-left: 4px solid var(--accent); padding: 10px 14px; font-size: 15px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { flex: 1 1 200px; border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; break-inside: avoid; }
.card .name { font-weight: bold; }
.card .cost { font-size: 22px; font-weight: bold; }
.card .range { color: var(--muted); font-size: 12.5px; }
.card.cheapest { border-color: #228833; box-shadow: inset 4px 0 0 #228833; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 12.5px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: var(--band); font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
code, .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
.command { background: var(--band); border: 1px solid var(--rule); padding: 8px 10px; overflow-wrap: anywhere;
  white-space: pre-wrap; }
.hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11px; overflow-wrap: anywhere; }
.comment { color: var(--muted); min-width: 16em; }
td .mono { font-size: 11px; overflow-wrap: anywhere; }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #fde8c8; }
.warning { color: #8a4b00; }
figure { margin: 14px 0 22px; break-inside: avoid; page-break-inside: avoid; }
figure h3 { margin-top: 0; }
figcaption { color: var(--muted); font-size: 12.5px; margin-bottom: 4px; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 11px; fill: #1d2430; }
svg.chart .tick { fill: #5b6575; font-size: 10px; }
svg.chart .axis-title { fill: #5b6575; }
svg.chart .row-name { font-weight: bold; }
svg.chart .row-note, svg.chart .bar-value.small { fill: #5b6575; font-size: 10px; }
svg.chart .grid { stroke: #e6e9ee; stroke-width: 1; }
svg.chart .zero { stroke: #8d96a3; stroke-width: 1; }
svg.chart .axis { stroke: #5b6575; stroke-width: 1; }
svg.chart .mean { stroke: #1d2430; stroke-width: 2; }
svg.chart .interval { stroke: #1d2430; stroke-width: 3; stroke-linecap: round; opacity: .55; }
svg.chart .reference { stroke: #b2182b; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg.chart rect { stroke: none; }
svg.chart .curve { fill: none; stroke-width: 2.2; }
svg.chart .band { stroke: none; fill-opacity: .14; }
svg.chart .dot { stroke: none; }
.s0 { fill: #4477aa; stroke: #4477aa; } .s1 { fill: #ee6677; stroke: #ee6677; }
.s2 { fill: #228833; stroke: #228833; } .s3 { fill: #ccbb44; stroke: #ccbb44; }
.s4 { fill: #66ccee; stroke: #66ccee; } .s5 { fill: #aa3377; stroke: #aa3377; }
.s6 { fill: #bbbbbb; stroke: #bbbbbb; } .s7 { fill: #332288; stroke: #332288; }
.s8 { fill: #44aa99; stroke: #44aa99; } .s9 { fill: #882255; stroke: #882255; }
nav.toc { font-size: 12.5px; color: var(--muted); }
nav.toc a { color: var(--accent); text-decoration: none; margin-right: 12px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11.5px; }
  nav.toc { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, .card, .verdict, table.keep { break-inside: avoid; page-break-inside: avoid; }
  svg.chart { max-height: 118mm; }
  a { color: inherit; text-decoration: none; }
}
)css";

}  // namespace flowcost::reports
