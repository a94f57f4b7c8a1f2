// flowcost fit: scenario values from production data (Lambda REPORT lines, Step Functions execution
// histories). Wiring only: reading in model/production/, the statistics in sim/fit/, the writers in
// reports/fit_writers.h.
#include <filesystem>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "model/asl/loader.h"
#include "model/errors.h"
#include "model/production/execution_history.h"
#include "model/production/lambda_report.h"
#include "reports/fit_writers.h"
#include "sim/fit/history_fit.h"
#include "sim/fit/lambda_fit.h"

namespace flowcost::cli {

namespace {

struct FitOptions {
  std::vector<std::string> files;
  std::string definition;
  std::string function;
  std::string format = "yaml";
  std::string output_path;
};

bool is_history_path(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return true;
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".json";
}

void run_fit(const FitOptions& o, Context& ctx) {
  model::Diagnostics diags;
  std::vector<std::string> inputs;
  std::vector<model::production::LambdaLog> logs;
  std::vector<std::string> log_sha, history_sha;
  std::vector<model::production::ExecutionRecord> histories;
  for (const auto& path : o.files) {
    if (is_history_path(path)) {
      for (const auto& file_path : model::production::history_files(path, diags)) {
        try {
          model::SourceFile file = model::read_source_file(file_path);
          inputs.push_back(file_path);
          if (auto rec = model::production::read_execution_history(file, diags)) {
            histories.push_back(std::move(*rec));
            history_sha.push_back(model::sha256_hex(file.text));
          }
        } catch (const model::InputError& e) {
          for (const auto& d : e.diagnostics()) diags.add(d);
        }
      }
      continue;
    }
    try {
      model::SourceFile file = model::read_source_file(path);
      inputs.push_back(path);
      const std::string name = o.function.empty() ? std::filesystem::path(path).stem().string() : o.function;
      logs.push_back(model::production::read_lambda_log(file, name, diags));
      log_sha.push_back(model::sha256_hex(file.text));
    } catch (const model::InputError& e) {
      for (const auto& d : e.diagnostics()) diags.add(d);
    }
  }
  std::optional<model::asl::StateMachine> machine;
  if (!o.definition.empty()) {
    inputs.push_back(o.definition);
    try {
      machine = model::asl::load_and_validate(o.definition, false);
    } catch (const model::InputError& e) {
      for (const auto& d : e.diagnostics()) diags.add(d);
    }
  } else if (!histories.empty()) {
    diags.error({histories.front().path, 0, 0},
                "execution histories need --definition (the state machine's ASL definition), which names the "
                "Choice states' Default targets");
  }
  if (!diags.has_errors()) check_output(o.output_path, inputs);
  reports::FitDocument doc;
  std::string folder;
  // Sample CSVs go next to a file named by -o; with standard output or a device (-o /dev/null), to the
  // current folder.
  if (is_regular_output(o.output_path, inputs)) {
    std::filesystem::path out(o.output_path);
    folder = out.parent_path().string();
    doc.csv_prefix = out.stem().string() + ".";
  } else {
    doc.csv_prefix = "fit.";
  }
  if (!diags.has_errors() && !logs.empty()) doc.lambda = sim::fit::fit_lambda_logs(logs, log_sha, diags);
  if (!diags.has_errors() && !histories.empty() && machine)
    doc.histories = sim::fit::fit_histories(histories, history_sha, *machine, o.definition, diags);
  diags.sort();
  if (diags.has_errors()) diags.throw_if_errors();
  print_diagnostics(ctx.err, diags.items());
  std::ostringstream text;
  if (o.format == "json") reports::write_fit_json(doc, text);
  else reports::write_fit_yaml(doc, text);
  std::vector<OutputFile> outputs;
  for (const auto& csv : reports::empirical_csvs(doc)) {
    std::ostringstream samples;
    reports::write_empirical_csv(*csv.samples, samples);
    const std::string path = folder.empty() ? csv.file_name : (std::filesystem::path(folder) / csv.file_name).string();
    outputs.push_back({path, samples.str()});
  }
  outputs.push_back({o.output_path, text.str()});
  write_outputs(outputs, ctx.out, inputs);  // every file or none
}

}  // namespace

void add_fit_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("fit", "Scenario values from production data: Lambda REPORT lines, execution histories");
  auto o = std::make_shared<FitOptions>();
  cmd->add_option("FILE", o->files,
                  "Lambda logs (a CloudWatch Logs export or a Logs Insights CSV) and execution histories (.json "
                  "files or folders of them)")
      ->required();
  cmd->add_option("--definition", o->definition, "the state machine's ASL definition (needed with histories)");
  cmd->add_option("--function", o->function,
                  "the function name of the records of a text export (default: the file's name without extension)");
  cmd->add_option("--format", o->format, "output format")->check(CLI::IsMember({"yaml", "json"}));
  cmd->add_option("-o,--output", o->output_path, "write to FILE (atomically) instead of standard output");
  cmd->callback([o, &ctx] { run_fit(*o, ctx); });
}

}  // namespace flowcost::cli
