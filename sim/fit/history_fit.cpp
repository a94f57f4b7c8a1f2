#include "sim/fit/history_fit.h"

#include <algorithm>
#include <map>

#include "model/scenario/step_functions_design.h"

namespace flowcost::sim::fit {

namespace {

bool is_timeout(const std::string& error) { return error == "States.Timeout" || error == "States.HeartbeatTimeout"; }

std::vector<CountedName> counted(const std::map<std::string, std::size_t>& m) {
  std::vector<CountedName> out;
  for (const auto& [name, count] : m) out.push_back({name, count});
  return out;
}

}  // namespace

HistoryFitReport fit_histories(const std::vector<model::production::ExecutionRecord>& records,
                               const std::vector<std::string>& sha256, const model::asl::StateMachine& machine,
                               const std::string& definition_path, model::Diagnostics& diags) {
  HistoryFitReport report;
  report.definition_path = definition_path;
  const std::vector<const model::asl::State*> states = model::all_states_of(machine);
  std::map<std::string, const model::asl::State*> by_name;
  for (const auto* s : states) by_name.emplace(s->name.value, s);

  struct TaskData {
    std::size_t visits = 0, attempts = 0, retries = 0;
    std::vector<double> durations;
    std::map<std::string, std::size_t> errors, timeouts;
  };
  std::map<std::string, TaskData> tasks;
  std::map<std::string, std::map<std::string, std::size_t>> choices;  // state -> next -> count
  std::map<std::string, std::map<std::int64_t, std::size_t>> maps;
  std::map<std::string, std::vector<double>> waits;

  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& rec = records[i];
    report.sources.push_back({rec.path, i < sha256.size() ? sha256[i] : std::string()});
    ExecutionTransitions et;
    et.path = rec.path;
    et.states_entered = rec.visits.size();
    et.billable = rec.billable_transitions();
    et.retries = et.billable - et.states_entered;
    et.status = rec.status;
    report.executions.push_back(et);
    for (const auto& v : rec.visits) {
      auto it = by_name.find(v.name);
      if (it == by_name.end() || model::asl::to_string(it->second->type) != v.type) {
        diags.error(v.loc, "state \"" + v.name + "\" of the history is not a " + v.type + " state of " + definition_path);
        continue;
      }
      if (v.type == "Task") {
        TaskData& t = tasks[v.name];
        ++t.visits;
        t.attempts += v.attempts.size();
        if (!v.attempts.empty()) t.retries += v.attempts.size() - 1;
        for (const auto& a : v.attempts) {
          t.durations.push_back(a.duration_ms);
          if (a.error) ++(is_timeout(*a.error) ? t.timeouts : t.errors)[*a.error];
        }
      } else if (v.type == "Choice" && v.next) {
        ++choices[v.name][*v.next];
      } else if (v.type == "Map" && v.map_items) {
        ++maps[v.name][*v.map_items];
      } else if (v.type == "Wait" && v.exited_ms) {
        waits[v.name].push_back(*v.exited_ms - v.entered_ms);
      }
    }
  }

  for (const auto* s : states) {
    const std::string& name = s->name.value;
    if (auto t = tasks.find(name); t != tasks.end()) {
      TaskFit f;
      f.state = name;
      if (const auto* task = std::get_if<model::asl::TaskState>(&s->body))
      {
        f.callback = task->resource.pattern == model::asl::IntegrationPattern::wait_for_task_token;
        f.starts_execution = task->resource.service == "states" && task->resource.action.starts_with("startExecution");
      }
      f.visits = t->second.visits;
      f.attempts = t->second.attempts;
      f.retries = t->second.retries;
      f.duration = fit_duration(t->second.durations);
      warn_if_empirical(f.duration, "the duration of Task \"" + name + "\"", {definition_path, 0, 0}, diags);
      f.errors = counted(t->second.errors);
      f.timeouts = counted(t->second.timeouts);
      report.tasks.push_back(std::move(f));
    }
    if (auto c = choices.find(name); c != choices.end()) {
      const auto* choice = std::get_if<model::asl::ChoiceState>(&s->body);
      ChoiceFit f;
      f.state = name;
      std::vector<std::string> order;
      for (const auto& r : choice->choices)
        if (r.next && std::find(order.begin(), order.end(), r.next->value) == order.end()) order.push_back(r.next->value);
      const std::size_t rule_targets = order.size();
      if (choice->default_state && std::find(order.begin(), order.end(), choice->default_state->value) == order.end())
        order.push_back(choice->default_state->value);
      for (const auto& [next, count] : c->second) {
        f.visits += count;
        if (std::find(order.begin(), order.end(), next) == order.end()) {
          diags.error({definition_path, s->name.loc.line, s->name.loc.column},
                      "the histories leave Choice \"" + name + "\" to \"" + next + "\", which is none of its targets");
        }
      }
      for (std::size_t k = 0; k < order.size(); ++k) {
        auto hit = c->second.find(order[k]);
        if (hit == c->second.end()) continue;
        f.branches.push_back({k < rule_targets ? order[k] : std::string("default"), order[k], hit->second});
      }
      report.choices.push_back(std::move(f));
    }
    if (auto m = maps.find(name); m != maps.end()) {
      MapFit f;
      f.state = name;
      for (const auto& [items, count] : m->second) {
        f.item_counts.push_back({items, count});
        f.visits += count;
      }
      report.maps.push_back(std::move(f));
    }
    if (auto w = waits.find(name); w != waits.end()) {
      report.waits.push_back({name, fit_duration(w->second)});
      warn_if_empirical(report.waits.back().duration, "the time of Wait \"" + name + "\"", {definition_path, 0, 0},
                        diags);
    }
  }
  return report;
}

}  // namespace flowcost::sim::fit
