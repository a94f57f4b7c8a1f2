#include "model/production/execution_history.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "model/document.h"
#include "model/errors.h"
#include "model/scenario/step_functions_design.h"
#include "model/suggest.h"

namespace flowcost::model::production {

namespace {

// HistoryEventType, AWS Step Functions API reference (HistoryEvent).
const std::vector<std::string>& known_types() {
  static const std::vector<std::string> types = {
      "ActivityFailed", "ActivityScheduled", "ActivityScheduleFailed", "ActivityStarted", "ActivitySucceeded",
      "ActivityTimedOut", "ChoiceStateEntered", "ChoiceStateExited", "ExecutionAborted", "ExecutionFailed",
      "ExecutionStarted", "ExecutionSucceeded", "ExecutionTimedOut", "FailStateEntered", "LambdaFunctionFailed",
      "LambdaFunctionScheduled", "LambdaFunctionScheduleFailed", "LambdaFunctionStarted",
      "LambdaFunctionStartFailed", "LambdaFunctionSucceeded", "LambdaFunctionTimedOut", "MapIterationAborted",
      "MapIterationFailed", "MapIterationStarted", "MapIterationSucceeded", "MapStateAborted", "MapStateEntered",
      "MapStateExited", "MapStateFailed", "MapStateStarted", "MapStateSucceeded", "ParallelStateAborted",
      "ParallelStateEntered", "ParallelStateExited", "ParallelStateFailed", "ParallelStateStarted",
      "ParallelStateSucceeded", "PassStateEntered", "PassStateExited", "SucceedStateEntered",
      "SucceedStateExited", "TaskFailed", "TaskScheduled", "TaskStarted", "TaskStartFailed", "TaskStateAborted",
      "TaskStateEntered", "TaskStateExited", "TaskSubmitFailed", "TaskSubmitted", "TaskSucceeded",
      "TaskTimedOut", "WaitStateAborted", "WaitStateEntered", "WaitStateExited", "MapRunAborted",
      "MapRunFailed", "MapRunStarted", "MapRunSucceeded", "ExecutionRedriven", "MapRunRedriven",
      "EvaluationFailed"};
  return types;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool starts_attempt(std::string_view t) {
  return t == "TaskScheduled" || t == "LambdaFunctionScheduled" || t == "ActivityScheduled";
}

bool ends_attempt(std::string_view t) {
  if (t.starts_with("Execution") || t.starts_with("Map") || t.starts_with("Parallel") || t == "EvaluationFailed")
    return false;
  return ends_with(t, "Succeeded") || ends_with(t, "Failed") || ends_with(t, "TimedOut");
}

// "TaskFailed" -> "taskFailedEventDetails"; every "...StateEntered" has "stateEnteredEventDetails", every
// "...StateExited" "stateExitedEventDetails".
std::string details_key(const std::string& type) {
  if (ends_with(type, "StateEntered")) return "stateEnteredEventDetails";
  if (ends_with(type, "StateExited")) return "stateExitedEventDetails";
  std::string key = type;
  key[0] = static_cast<char>(key[0] - 'A' + 'a');
  return key + "EventDetails";
}

std::optional<std::string> string_at(const Node* node, std::string_view key) {
  if (!node) return std::nullopt;
  const Node* v = node->find(key);
  if (!v || !v->is_scalar()) return std::nullopt;
  return v->text;
}

}  // namespace

std::size_t ExecutionRecord::billable_transitions() const {
  std::size_t n = visits.size();
  for (const auto& v : visits) n += v.attempts.empty() ? 0 : v.attempts.size() - 1;
  return n;
}

std::optional<ExecutionRecord> read_execution_history(const SourceFile& file, Diagnostics& diags) {
  auto root = parse_document(file, diags);
  if (!root) return std::nullopt;
  const Node* events = root->is_mapping() ? root->find("events") : nullptr;
  if (!events || !events->is_sequence()) {
    diags.error(root->loc, "not an execution history: expected an object with an \"events\" array (the output of "
                           "`aws stepfunctions get-execution-history`)");
    return std::nullopt;
  }
  const std::size_t errors_before = diags.error_count();
  ExecutionRecord rec;
  rec.path = file.path;
  std::map<std::int64_t, int> owner;        // event id -> visit index (-1: none)
  std::map<std::int64_t, std::string> type_of;
  std::map<std::int64_t, std::int64_t> previous_of;
  std::map<int, double> attempt_start;      // visit index -> start of its open attempt
  std::map<int, std::int64_t> iterations;   // Map visit index -> MapIterationStarted events
  for (const Node& e : events->items) {
    if (!e.is_mapping()) {
      diags.error(e.loc, "a history event must be an object, not " + e.type_name());
      continue;
    }
    const Node* id_node = e.find("id");
    const Node* type_node = e.find("type");
    const Node* ts_node = e.find("timestamp");
    std::optional<std::int64_t> id = id_node ? id_node->integer() : std::nullopt;
    if (!id) {
      diags.error(id_node ? id_node->loc : e.loc, "a history event needs a whole-number \"id\"");
      continue;
    }
    if (!type_node || !type_node->is_scalar()) {
      diags.error(e.loc, "history event " + std::to_string(*id) + " has no \"type\"");
      continue;
    }
    const std::string& type = type_node->text;
    const auto& types = known_types();
    if (std::find(types.begin(), types.end(), type) == types.end()) {
      diags.error(type_node->loc, unknown_name_message("history event type", type, types));
      continue;
    }
    std::optional<double> ts_s;
    if (ts_node) ts_s = ts_node->quoted ? parse_rfc3339_epoch_s(ts_node->text) : ts_node->number();
    if (!ts_s) {
      diags.error(ts_node ? ts_node->loc : e.loc,
                  "history event " + std::to_string(*id) +
                      " needs a \"timestamp\" (an RFC 3339 time or seconds since the epoch)");
      continue;
    }
    const double ts_ms = *ts_s * 1000;
    std::optional<std::int64_t> prev;
    if (const Node* p = e.find("previousEventId")) {
      prev = p->integer();
      if (!prev || (*prev != 0 && !owner.count(*prev))) {
        diags.error(p->loc, "previousEventId " + p->text + " names no earlier event");
        continue;
      }
      if (*prev == 0) prev.reset();
    }
    ++rec.events;
    type_of[*id] = type;
    if (prev) previous_of[*id] = *prev;
    const int prev_owner = prev ? owner[*prev] : -1;
    const Node* details = e.find(details_key(type));
    int mine = prev_owner;
    if (ends_with(type, "StateEntered")) {
      StateVisit v;
      v.name = string_at(details, "name").value_or("");
      v.type = type.substr(0, type.size() - std::string_view("StateEntered").size());
      v.entered_ms = ts_ms;
      v.loc = e.loc;
      if (v.name.empty()) diags.error(e.loc, type + " event " + std::to_string(*id) + " has no \"stateEnteredEventDetails\" with a \"name\"");
      if (prev && ends_with(type_of[*prev], "StateExited") && prev_owner >= 0) rec.visits[prev_owner].next = v.name;
      rec.visits.push_back(std::move(v));
      mine = static_cast<int>(rec.visits.size()) - 1;
    } else if (ends_with(type, "StateExited")) {
      const std::string name = string_at(details, "name").value_or("");
      mine = -1;
      for (auto at = prev; at; at = previous_of.count(*at) ? std::optional(previous_of[*at]) : std::nullopt) {
        int o = owner[*at];
        if (o >= 0 && rec.visits[o].name == name && !rec.visits[o].exited_ms) {
          mine = o;
          break;
        }
      }
      for (int i = static_cast<int>(rec.visits.size()) - 1; mine < 0 && i >= 0; --i)
        if (rec.visits[i].name == name && !rec.visits[i].exited_ms) mine = i;
      if (mine < 0) {
        diags.error(e.loc, type + " event " + std::to_string(*id) + " leaves state \"" + name + "\", which was not entered");
        continue;
      }
      rec.visits[mine].exited_ms = ts_ms;
    } else if (starts_attempt(type) && mine >= 0) {
      rec.visits[mine].attempts.push_back({0, std::nullopt, e.loc});
      attempt_start[mine] = ts_ms;
    } else if (ends_attempt(type) && mine >= 0) {
      StateVisit& v = rec.visits[mine];
      if (v.attempts.empty() || !attempt_start.count(mine)) {  // failed before it was scheduled
        v.attempts.push_back({0, std::nullopt, e.loc});
        attempt_start[mine] = ts_ms;
      }
      TaskAttempt& a = v.attempts.back();
      a.duration_ms = ts_ms - attempt_start[mine];
      attempt_start.erase(mine);
      if (!ends_with(type, "Succeeded")) {
        a.error = string_at(details, "error").value_or(ends_with(type, "TimedOut") ? "States.Timeout" : "States.TaskFailed");
      }
    } else if (type == "MapStateStarted" && mine >= 0) {
      if (const Node* length = details ? details->find("length") : nullptr) rec.visits[mine].map_items = length->integer();
    } else if (type == "MapIterationStarted") {
      // Counted per Map visit (named by the details' `name`), for histories whose MapStateStarted has no length.
      const std::string name = string_at(details, "name").value_or("");
      for (int i = static_cast<int>(rec.visits.size()) - 1; i >= 0; --i) {
        if (rec.visits[i].name == name && rec.visits[i].type == "Map" && !rec.visits[i].exited_ms) {
          ++iterations[i];
          break;
        }
      }
    } else if (type == "ExecutionSucceeded") {
      rec.status = "succeeded";
    } else if (type == "ExecutionFailed") {
      rec.status = "failed";
    } else if (type == "ExecutionAborted") {
      rec.status = "aborted";
    } else if (type == "ExecutionTimedOut") {
      rec.status = "timed out";
    }
    owner[*id] = mine;
  }
  for (const auto& [visit, count] : iterations)
    if (!rec.visits[visit].map_items) rec.visits[visit].map_items = count;
  if (diags.error_count() != errors_before) return std::nullopt;
  if (rec.visits.empty()) {
    diags.error(events->loc, "the history has no state entered (no \"...StateEntered\" event)");
    return std::nullopt;
  }
  return rec;
}

std::vector<std::string> history_files(const std::string& path, Diagnostics& diags) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.is_regular_file(ec) && entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) diags.error({path, 0, 0}, "no execution history (.json file) in this folder");
  return files;
}

}  // namespace flowcost::model::production
