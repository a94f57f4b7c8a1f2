#include "model/scenario/budgets.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "model/suggest.h"

namespace flowcost::model {

namespace {

bool is_design(const std::string& name, const std::vector<std::string>& design_names) {
  return std::find(design_names.begin(), design_names.end(), name) != design_names.end();
}

std::optional<double> whole_text_number(const std::string& text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::vector<Budget> parse_budgets(const Node& node, const std::vector<std::string>& design_names, Diagnostics& diags) {
  std::vector<Budget> out;
  if (!node.is_mapping()) {
    diags.error(node.loc, "budgets must be a mapping of design name to USD per month, such as {step-functions: 2500}, got " +
                              node.type_name());
    return out;
  }
  for (const auto& m : node.members) {
    if (!is_design(m.key, design_names)) {
      diags.error(m.key_loc, unknown_name_message("design", m.key, design_names));
      continue;
    }
    auto v = m.value.number();
    if (!v || !std::isfinite(*v) || *v < 0) {
      diags.error(m.value.loc, "budgets." + m.key + " must be a number of USD per month >= 0, got " +
                                   (m.value.is_scalar() ? "\"" + m.value.text + "\"" : m.value.type_name()));
      continue;
    }
    out.push_back({m.key, *v, m.key_loc, false});
  }
  return out;
}

std::vector<Budget> parse_fail_above(const std::vector<std::string>& items, const std::vector<std::string>& design_names,
                                     Diagnostics& diags) {
  std::vector<Budget> out;
  const SourceLocation at{"--fail-above", 0, 0};
  for (const auto& item : items) {
    const auto eq = item.rfind('=');
    if (eq == std::string::npos || eq == 0) {
      diags.error(at, "expected DESIGN=USD, got \"" + item + "\"");
      continue;
    }
    const std::string design = item.substr(0, eq);
    const std::string text = item.substr(eq + 1);
    auto v = whole_text_number(text);
    if (!v || !std::isfinite(*v) || *v < 0) {
      diags.error(at, "the budget of " + design + " must be a number of USD per month >= 0, got \"" + text + "\"");
      continue;
    }
    if (!is_design(design, design_names)) {
      diags.error(at, unknown_name_message("design", design, design_names));
      continue;
    }
    out.push_back({design, *v, at, true});
  }
  return out;
}

}  // namespace flowcost::model
