#pragma once
// Scenarios of a chosen size, written to a fresh temporary folder, for the growth benchmarks
// (explain_states_bench, loading_bench, map_items_bench).
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace flowcost::bench {

// A folder under the system's temporary directory, removed with the object.
class TempFolder {
 public:
  explicit TempFolder(const std::string& name) {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string state_name(int i) { return "S" + std::to_string(i); }

// A Standard workflow of `states` top-level states: Lambda Tasks with a Retry and a Catch to the end,
// and (with `loops`) every tenth state a Choice that goes back five states with weight 0.2. Every Task
// has a behaviour (`tasks:`), every Choice its weights (`choices:`). Returns the scenario's path.
inline std::string write_chain_scenario(const TempFolder& dir, int states, bool loops) {
  const int last = states - 1;  // a Succeed state
  std::ofstream asl(dir.file("chain.asl.json"));
  asl << "{\"StartAt\": \"S0\", \"States\": {\n";
  std::ofstream yaml(dir.file("chain.yaml"));
  yaml << "scenario: generated-chain\nprices: aws-us-east-1\nrun: {seed: 1, executions: 100, draws: 2}\n"
          "workload:\n  events_per_month: 1000000\ndesigns:\n  - name: chain\n    kind: step_functions\n"
          "    workflow: standard\n    definition: chain.asl.json\n    tasks:\n";
  std::string choices;
  for (int i = 0; i < last; ++i) {
    const std::string next = state_name(i + 1);
    asl << "\"" << state_name(i) << "\": ";
    if (loops && i % 10 == 9) {
      const std::string back = state_name(i - 5);
      asl << "{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.again\", \"BooleanEquals\": true, \"Next\": \""
          << back << "\"}], \"Default\": \"" << next << "\"},\n";
      choices += "      " + state_name(i) + ": {" + back + ": 0.2, default: 0.8}\n";
    } else {
      asl << "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", "
             "\"Parameters\": {\"FunctionName\": \"work\", \"Payload.$\": \"$\"}, "
             "\"Retry\": [{\"ErrorEquals\": [\"Work.Throttled\"], \"MaxAttempts\": 2}], "
             "\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \""
          << state_name(last) << "\"}], \"Next\": \"" << next << "\"},\n";
      yaml << "      " << state_name(i)
           << ": {lambda: {memory_mb: 128}, duration: 30ms, errors: {Work.Throttled: 0.01, Work.Failed: 0.0001}}\n";
    }
  }
  asl << "\"" << state_name(last) << "\": {\"Type\": \"Succeed\"}\n}}\n";
  if (!choices.empty()) yaml << "    choices:\n" << choices;
  return dir.file("chain.yaml");
}

// A Standard workflow whose only state is a Distributed Map of `items` items, each child a Lambda Task;
// `sample_children` is the scenario's run.map_sample_children (0: exact). Returns the scenario's path.
inline std::string write_map_scenario(const TempFolder& dir, long long items, long long sample_children) {
  std::ofstream(dir.file("map.asl.json"))
      << "{\"StartAt\": \"Fan\", \"States\": {\"Fan\": {\"Type\": \"Map\", \"ItemProcessor\": {"
         "\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}, \"StartAt\": \"Work\", "
         "\"States\": {\"Work\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", "
         "\"Parameters\": {\"FunctionName\": \"work\", \"Payload.$\": \"$\"}, \"End\": true}}}, \"End\": true}}}\n";
  std::ofstream(dir.file("map.yaml"))
      << "scenario: generated-map\nprices: aws-us-east-1\nrun: {seed: 1, executions: 10, draws: 2, "
         "map_sample_children: "
      << sample_children << ", map_sample_above: " << (sample_children > 0 ? 10000 : 100000)
      << "}\nworkload:\n  events_per_month: 1000000\ndesigns:\n  - name: map\n    kind: step_functions\n"
         "    workflow: standard\n    definition: map.asl.json\n    tasks:\n"
         "      Work: {lambda: {memory_mb: 128}, duration: {lognormal: {median: 100ms, p95: 300ms}}}\n"
         "    maps:\n      Fan: {items: "
      << items << "}\n";
  return dir.file("map.yaml");
}

}  // namespace flowcost::bench
