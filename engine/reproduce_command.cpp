#include "engine/reproduce_command.h"

#include "model/number_format.h"

namespace flowcost::engine {

std::string shell_word(const std::string& word) {
  bool plain = !word.empty();
  for (char c : word) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string("_-./=:,+@%").find(c) != std::string::npos;
    if (!safe) plain = false;
  }
  if (plain) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string reproduce_command(const ReproduceSettings& s) {
  std::string out = "flowcost run " + shell_word(s.scenario_path);
  out += " --seed " + std::to_string(s.seed);
  out += " --draws " + std::to_string(s.draws);
  out += " --executions " + std::to_string(s.executions);
  if (s.rel_error) {
    out += " --rel-error " + model::format_shortest(*s.rel_error);
    out += " --max-draws " + std::to_string(s.max_draws);
  }
  if (s.prices) out += " --prices " + shell_word(*s.prices);
  if (s.free_tier) out += " --free-tier";
  for (const auto& [name, value] : s.set) out += " --set " + shell_word(name + "=" + value);
  for (const auto& [design, usd] : s.fail_above)
    out += " --fail-above " + shell_word(design + "=" + model::format_shortest(usd));
  return out;
}

}  // namespace flowcost::engine
