// Task results from a Step Functions Local MockConfigFile.json (docs/sources.md#sfn-local-mocks):
// StateMachines.<sm>.TestCases.<case>.<TaskState> names a MockedResponses entry whose keys are 0-based
// invocation numbers of that Task ("0", "1-2"), each {"Return": ...} or {"Throw": {"Error", "Cause"}}.
#include <cstdlib>
#include <unordered_map>

#include "model/errors.h"
#include "model/scenario/sfn_parse_util.h"
#include "model/scenario/step_functions_design.h"
#include "model/source_file.h"
#include "model/suggest.h"

namespace flowcost::model::sfn_parse {

namespace {

std::vector<std::string> keys_of(const Node& n) {
  std::vector<std::string> out;
  for (const auto& m : n.members) out.push_back(m.key);
  return out;
}

// "3" or "1-2" into an inclusive range.
bool parse_range(const std::string& key, std::int64_t& first, std::int64_t& last) {
  char* end = nullptr;
  first = std::strtoll(key.c_str(), &end, 10);
  if (end == key.c_str() || first < 0) return false;
  if (*end == '\0') {
    last = first;
    return true;
  }
  if (*end != '-') return false;
  const char* rest = end + 1;
  last = std::strtoll(rest, &end, 10);
  return end != rest && *end == '\0' && last >= first;
}

std::vector<MockStep> parse_response(const Node& response, Diagnostics& diags) {
  std::vector<MockStep> steps;
  for (const auto& m : response.members) {
    MockStep step;
    if (!parse_range(m.key, step.first, step.last)) {
      diags.error(m.key_loc, "mocked response key \"" + m.key + "\" must be an invocation number or range like \"1-2\"");
      continue;
    }
    if (!m.value.is_mapping() || (m.value.find("Return") == nullptr) == (m.value.find("Throw") == nullptr)) {
      diags.error(m.value.loc, "a mocked response must hold exactly one of \"Return\" and \"Throw\"");
      continue;
    }
    if (const Node* t = m.value.find("Throw")) {
      const Node* e = t->find("Error");
      step.error = e && e->is_scalar() ? e->text : std::string("States.TaskFailed");
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace

void apply_mock_config(const Context& ctx, const Node& node, std::vector<TaskBehaviour>& tasks) {
  if (!expect_mapping(node, "mock_config", ctx.diags)) return;
  check_known_keys(node, {"file", "state_machine", "test_case"}, ctx.diags, "field");
  const Node* file = node.find("file");
  const Node* sm = node.find("state_machine");
  const Node* tc = node.find("test_case");
  if (!file || !sm || !tc) {
    ctx.diags.error(node.loc, "mock_config needs file, state_machine and test_case");
    return;
  }
  std::optional<Node> root;
  try {
    SourceFile source = read_named_file(resolve_path(ctx.directory, file->text), file->loc);
    ctx.files[source.path] = sha256_hex(source.text);
    root = parse_document(source, ctx.diags);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) ctx.diags.add(d);
    return;
  }
  if (!root) return;
  const Node* machines = root->find("StateMachines");
  const Node* responses = root->find("MockedResponses");
  if (!machines || !responses || !machines->is_mapping() || !responses->is_mapping()) {
    ctx.diags.error(root->loc, "a mock config needs \"StateMachines\" and \"MockedResponses\" objects");
    return;
  }
  const Node* machine = machines->find(sm->text);
  if (!machine) {
    ctx.diags.error(sm->loc, unknown_name_message("state machine", sm->text, keys_of(*machines)));
    return;
  }
  const Node* cases = machine->find("TestCases");
  const Node* test = cases ? cases->find(tc->text) : nullptr;
  if (!test || !test->is_mapping()) {
    ctx.diags.error(tc->loc, unknown_name_message("test case", tc->text, cases ? keys_of(*cases) : std::vector<std::string>{}));
    return;
  }
  std::unordered_map<std::string, std::size_t> position;  // a Task's behaviour in `tasks` (the last of duplicates)
  for (std::size_t i = 0; i < tasks.size(); ++i) position[tasks[i].state] = i;
  for (const auto& m : test->members) {
    const asl::State* s = ctx.machine ? ctx.machine->find_state(m.key) : nullptr;
    if (!s || s->type != asl::StateType::task) {
      ctx.diags.error(m.key_loc, unknown_name_message("Task state", m.key,
                                                      ctx.machine ? state_names(*ctx.machine, asl::StateType::task)
                                                                  : std::vector<std::string>{}));
      continue;
    }
    const Node* response = responses->find(m.value.text);
    if (!response || !response->is_mapping()) {
      ctx.diags.error(m.value.loc, unknown_name_message("mocked response", m.value.text, keys_of(*responses)));
      continue;
    }
    const auto [at, added] = position.emplace(m.key, tasks.size());
    if (added) {
      tasks.push_back({});
      tasks.back().state = m.key;
      tasks.back().loc = m.key_loc;
    }
    TaskBehaviour* t = &tasks[at->second];
    t->mock = parse_response(*response, ctx.diags);
    t->mocked = true;
  }
}

}  // namespace flowcost::model::sfn_parse
