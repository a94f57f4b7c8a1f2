// Variable references in JSONPath states (`$name` in paths, payload templates and intrinsic arguments)
// that no Assign of the machine ever sets: a warning, most likely a typo (docs/sources.md#asl-jsonata).
#include <cctype>
#include <set>

#include "model/asl/field_reader.h"
#include "model/asl/validate_parts.h"
#include "model/suggest.h"

namespace flowcost::model::asl {

namespace {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }
bool ident_char(char c) { return ident_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

std::string strip_dollar_key(const std::string& key) {
  return key.size() >= 2 && key.compare(key.size() - 2, 2, ".$") == 0 ? key.substr(0, key.size() - 2) : key;
}

class VariableCheck {
 public:
  VariableCheck(const StateMachine& machine, Diagnostics& diags) : machine_(machine), diags_(diags) {}

  void run() {
    collect_assigned(machine_.top);
    check_scope(machine_.top);
  }

 private:
  void add_assigned(const std::optional<Node>& assign) {
    if (!assign) return;
    for (const auto& m : assign->members) assigned_.insert(strip_dollar_key(m.key));
  }

  void collect_assigned(const Scope& scope) {
    for (const auto& s : scope.states) {
      add_assigned(s.assign);
      for (const auto& c : s.catchers) add_assigned(c.assign);
      if (const auto* c = std::get_if<ChoiceState>(&s.body))
        for (const auto& rule : c->choices) add_assigned(rule.assign);
      if (const auto* p = std::get_if<ParallelState>(&s.body))
        for (const auto& b : p->branches) collect_assigned(b);
      if (const auto* m = std::get_if<MapState>(&s.body)) collect_assigned(m->processor);
    }
  }

  // Every `$name` of an evaluated string (a path or an intrinsic call), outside quotes.
  void check_text(const State& s, const std::string& text, const SourceLocation& loc) {
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (quote) {
        if (c == '\\') ++i;
        else if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        continue;
      }
      if (c != '$' || (i > 0 && (ident_char(text[i - 1]) || text[i - 1] == '$'))) continue;
      if (i + 1 >= text.size() || !ident_start(text[i + 1])) continue;
      std::size_t end = i + 1;
      while (end < text.size() && ident_char(text[end])) ++end;
      std::string name = text.substr(i + 1, end - i - 1);
      if (!assigned_.count(name)) {
        std::string msg = "state " + quoted(s.name.value) + ": variable " + quoted(name) +
                          " is never assigned in this state machine";
        if (auto near = closest_name(name, std::vector<std::string>(assigned_.begin(), assigned_.end())))
          msg += "; did you mean " + quoted(*near) + "?";
        diags_.warning(loc, msg);
      }
      i = end - 1;
    }
  }

  void check_template(const State& s, const std::optional<Node>& node) {
    if (node) walk(s, *node);
  }

  void walk(const State& s, const Node& n) {
    for (const auto& item : n.items) walk(s, item);
    for (const auto& m : n.members) {
      if (m.key.size() >= 2 && m.key.compare(m.key.size() - 2, 2, ".$") == 0 && m.value.is_string())
        check_text(s, m.value.text, m.value.loc);
      else walk(s, m.value);
    }
  }

  void check_path_node(const State& s, const std::optional<Node>& node) {
    if (node && node->is_string()) check_text(s, node->text, node->loc);
  }

  void check_located(const State& s, const std::optional<Located>& v) {
    if (v) check_text(s, v->value, v->loc);
  }

  void check_rule(const State& s, const ChoiceRule& rule) {
    check_located(s, rule.variable);
    if (rule.operand_is_path)
      if (const auto* p = std::get_if<std::string>(&rule.operand)) check_text(s, *p, rule.loc);
    check_template(s, rule.assign);
    for (const auto& child : rule.children) check_rule(s, child);
  }

  void check_state(const State& s) {
    check_path_node(s, s.input_path);
    check_path_node(s, s.output_path);
    check_template(s, s.assign);
    for (const auto& c : s.catchers) check_template(s, c.assign);
    if (const auto* t = std::get_if<TaskState>(&s.body)) {
      check_template(s, t->parameters);
      check_template(s, t->result_selector);
      check_template(s, t->credentials);
    } else if (const auto* p = std::get_if<PassState>(&s.body)) {
      check_template(s, p->parameters);
    } else if (const auto* c = std::get_if<ChoiceState>(&s.body)) {
      for (const auto& rule : c->choices) check_rule(s, rule);
    } else if (const auto* w = std::get_if<WaitState>(&s.body)) {
      check_located(s, w->seconds_path);
      check_located(s, w->timestamp_path);
    } else if (const auto* f = std::get_if<FailState>(&s.body)) {
      check_located(s, f->error_path);
      check_located(s, f->cause_path);
    } else if (const auto* par = std::get_if<ParallelState>(&s.body)) {
      check_template(s, par->parameters);
      check_template(s, par->result_selector);
    } else if (const auto* m = std::get_if<MapState>(&s.body)) {
      check_located(s, m->items_path);
      check_template(s, m->item_selector);
      check_template(s, m->result_selector);
    }
  }

  void check_scope(const Scope& scope) {
    for (const auto& s : scope.states) {
      if (s.load_failed) continue;
      if (s.query_language.value_or(machine_.query_language) == QueryLanguage::jsonpath) check_state(s);
      if (const auto* p = std::get_if<ParallelState>(&s.body))
        for (const auto& b : p->branches) check_scope(b);
      if (const auto* m = std::get_if<MapState>(&s.body)) check_scope(m->processor);
    }
  }

  const StateMachine& machine_;
  Diagnostics& diags_;
  std::set<std::string> assigned_;
};

}  // namespace

void validate_variable_references(const StateMachine& machine, Diagnostics& diags) {
  VariableCheck(machine, diags).run();
}

}  // namespace flowcost::model::asl
