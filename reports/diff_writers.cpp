#include "reports/diff_writers.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "reports/display_format.h"
#include "reports/markdown_table.h"
#include "reports/text_table.h"

namespace flowcost::reports {

namespace {

using Json = nlohmann::ordered_json;

std::string signed_usd(double usd) { return (usd > 0 ? "+" : "") + display_usd_cents(usd); }

std::string presence_text(engine::Presence p) {
  switch (p) {
    case engine::Presence::added: return "added";
    case engine::Presence::removed: return "removed";
    case engine::Presence::both: break;
  }
  return "both";
}

// "changed", "within noise", "added" or "removed".
std::string verdict(engine::Presence p, const engine::MeanChange& c) {
  if (p != engine::Presence::both) return presence_text(p);
  return c.significant ? "changed" : "within noise";
}

std::string interval_text(const engine::MeanChange& c) {
  return signed_usd(c.ci95_low_usd) + " to " + signed_usd(c.ci95_high_usd);
}

std::string line_name(const engine::LineChange& l) { return l.meter + " (" + l.line + ")"; }

// The sentence that says how the intervals were computed.
std::string interval_note(const engine::RunDiff& d) {
  if (d.same_random_numbers)
    return "95% intervals from both runs' standard errors as if independent; both runs have the same seed and "
           "scenario file, so they share random numbers and the intervals are conservative (wider than needed)";
  return "95% intervals from both runs' standard errors (independent runs)";
}

std::string side(const std::optional<std::string>& v) { return v ? *v : "(none)"; }

struct Section {
  const char* title;
  const std::vector<engine::TextChange>* changes;
};

std::vector<Section> sections(const engine::RunDiff& d) {
  return {{"inputs", &d.inputs}, {"settings", &d.settings}, {"overrides", &d.overrides}, {"prices", &d.prices}};
}

bool nothing_else_changed(const engine::RunDiff& d) {
  for (const auto& s : sections(d))
    if (!s.changes->empty()) return false;
  return true;
}

Json change_json(const engine::MeanChange& c) {
  return {{"base", c.base_usd},          {"head", c.head_usd},          {"delta", c.delta_usd},
          {"ci95_low", c.ci95_low_usd}, {"ci95_high", c.ci95_high_usd}, {"significant", c.significant}};
}

Json text_changes_json(const std::vector<engine::TextChange>& changes) {
  Json out = Json::array();
  for (const auto& c : changes)
    out.push_back({{"name", c.name}, {"base", c.base ? Json(*c.base) : Json(nullptr)},
                   {"head", c.head ? Json(*c.head) : Json(nullptr)}});
  return out;
}

}  // namespace

void write_diff_table(const engine::RunDiff& d, const DiffFiles& files, std::ostream& out) {
  out << "flowcost diff: " << files.base << " -> " << files.head << "\n";
  if (d.base_scenario != d.head_scenario) out << "scenario: " << d.base_scenario << " -> " << d.head_scenario << "\n";
  else out << "scenario: " << d.base_scenario << "\n";
  out << interval_note(d) << "\n\n";
  TextTable table;
  table.add_row({"design / line item", "base", "head", "change", "95% interval", ""});
  for (const auto& design : d.designs) {
    const auto& c = design.monthly_cost;
    table.add_row({design.name, display_usd_cents(c.base_usd), display_usd_cents(c.head_usd), signed_usd(c.delta_usd),
                   interval_text(c), verdict(design.presence, c)});
    for (const auto& l : design.lines) {
      table.add_row({"  " + line_name(l), display_usd_cents(l.cost.base_usd), display_usd_cents(l.cost.head_usd),
                     signed_usd(l.cost.delta_usd), interval_text(l.cost), verdict(l.presence, l.cost)});
    }
  }
  table.write(out, "  ");
  for (const auto& s : sections(d)) {
    if (s.changes->empty()) continue;
    out << "\n" << s.title << " changed:\n";
    for (const auto& c : *s.changes) out << "  " << c.name << ": " << side(c.base) << " -> " << side(c.head) << "\n";
  }
  if (nothing_else_changed(d)) out << "\nno input, setting, override or price changed\n";
}

void write_diff_markdown(const engine::RunDiff& d, const DiffFiles& files, std::ostream& out) {
  out << "## flowcost diff: `" << files.base << "` → `" << files.head << "`\n\n";
  if (d.base_scenario != d.head_scenario)
    out << "Scenario " << md_cell(d.base_scenario) << " → " << md_cell(d.head_scenario) << ". ";
  else
    out << "Scenario " << md_cell(d.base_scenario) << ". ";
  out << md_cell(interval_note(d)) << ".\n\n";
  MarkdownTable table({"design / line item", "base/month", "head/month", "change", "95% interval", ""},
                      {false, true, true, true, false, false});
  for (const auto& design : d.designs) {
    const auto& c = design.monthly_cost;
    table.add_row({"**" + md_cell(design.name) + "**", md_cell(display_usd_cents(c.base_usd)),
                   md_cell(display_usd_cents(c.head_usd)), "**" + md_cell(signed_usd(c.delta_usd)) + "**",
                   md_cell(interval_text(c)), verdict(design.presence, c)});
    for (const auto& l : design.lines) {
      table.add_row({md_cell(design.name + ": " + line_name(l)), md_cell(display_usd_cents(l.cost.base_usd)),
                     md_cell(display_usd_cents(l.cost.head_usd)), md_cell(signed_usd(l.cost.delta_usd)),
                     md_cell(interval_text(l.cost)), verdict(l.presence, l.cost)});
    }
  }
  table.write(out);
  for (const auto& s : sections(d)) {
    if (s.changes->empty()) continue;
    out << "\n### Changed " << s.title << "\n\n";
    MarkdownTable changes({"name", "base", "head"}, {});
    for (const auto& c : *s.changes) changes.add_row({md_cell(c.name), md_cell(side(c.base)), md_cell(side(c.head))});
    changes.write(out);
  }
  if (nothing_else_changed(d)) out << "\nNo input, setting, override or price changed.\n";
}

void write_diff_json(const engine::RunDiff& d, const DiffFiles& files, std::ostream& out) {
  Json j;
  j["base"] = files.base;
  j["head"] = files.head;
  j["base_scenario"] = d.base_scenario;
  j["head_scenario"] = d.head_scenario;
  j["same_random_numbers"] = d.same_random_numbers;
  j["interval_note"] = interval_note(d);
  Json designs = Json::array();
  for (const auto& design : d.designs) {
    Json lines = Json::array();
    for (const auto& l : design.lines)
      lines.push_back({{"meter", l.meter}, {"line", l.line}, {"presence", presence_text(l.presence)},
                       {"cost_usd", change_json(l.cost)}});
    designs.push_back({{"name", design.name}, {"presence", presence_text(design.presence)},
                       {"monthly_cost_usd", change_json(design.monthly_cost)}, {"lines", std::move(lines)}});
  }
  j["designs"] = std::move(designs);
  for (const auto& s : sections(d)) j[s.title] = text_changes_json(*s.changes);
  out << j.dump(2) << '\n';
}

}  // namespace flowcost::reports
