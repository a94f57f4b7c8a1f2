#include "sim/fit/lambda_fit.h"

namespace flowcost::sim::fit {

LambdaFitReport fit_lambda_logs(const std::vector<model::production::LambdaLog>& logs,
                                const std::vector<std::string>& sha256, model::Diagnostics& diags) {
  LambdaFitReport report;
  std::map<std::string, std::vector<model::production::LambdaInvocation>> functions;
  std::map<std::string, std::string> first_path;  // the first log that has the function
  for (std::size_t i = 0; i < logs.size(); ++i) {
    report.sources.push_back({logs[i].path, i < sha256.size() ? sha256[i] : std::string()});
    report.skipped_lines += logs[i].skipped_lines;
    if (logs[i].skipped_lines > 0) {
      diags.warning({logs[i].path, 0, 0}, std::to_string(logs[i].skipped_lines) +
                                              (logs[i].skipped_lines == 1 ? " line is" : " lines are") +
                                              " not a Lambda REPORT record and " +
                                              (logs[i].skipped_lines == 1 ? "was" : "were") + " skipped");
    }
    for (const auto& [name, invocations] : logs[i].functions) {
      first_path.emplace(name, logs[i].path);
      auto& all = functions[name];
      all.insert(all.end(), invocations.begin(), invocations.end());
    }
  }
  for (const auto& [name, invocations] : functions) {
    LambdaFunctionFit f;
    f.name = name;
    f.invocations = invocations.size();
    report.records += invocations.size();
    std::vector<double> durations, inits;
    std::map<double, std::size_t> memory;
    std::map<std::string, std::size_t> errors;
    for (const auto& inv : invocations) {
      durations.push_back(inv.duration_ms);
      if (inv.memory_mb) ++memory[*inv.memory_mb];
      // A cold start: an INIT phase, or with SnapStart a snapshot restored. A restore's init is its billed
      // part (a cost model: the simulator bills its init), so its latency is understated by the unbilled rest.
      if (inv.init_duration_ms) inits.push_back(*inv.init_duration_ms);
      else if (inv.billed_restore_duration_ms) inits.push_back(*inv.billed_restore_duration_ms);
      else if (inv.restore_duration_ms) inits.push_back(*inv.restore_duration_ms);
      if (inv.error) {
        ++errors[*inv.error];
        ++f.failed;
      }
    }
    const model::SourceLocation where{first_path[name], 0, 0};
    f.duration = fit_duration(std::move(durations));
    warn_if_empirical(f.duration, "the duration of function \"" + name + "\"", where, diags);
    f.memory_sizes = memory.size();
    std::size_t most = 0;
    for (const auto& [mb, count] : memory) {
      if (count > most) {
        most = count;
        f.memory_mb = mb;
      }
    }
    f.cold_starts = inits.size();
    if (!inits.empty()) {
      f.init = fit_duration(std::move(inits));
      warn_if_empirical(*f.init, "the init duration of function \"" + name + "\"", where, diags);
    }
    for (const auto& [error, count] : errors) f.errors.push_back({error, count});
    report.functions.push_back(std::move(f));
  }
  return report;
}

void warn_if_empirical(const DurationFit& fit, const std::string& what, const model::SourceLocation& where,
                       model::Diagnostics& diags) {
  if (fit.chosen || fit.samples.empty() || fit.samples.front() == fit.samples.back()) return;
  diags.warning(where, what + ": " + fit.reason + "; written as an empirical distribution of its " +
                           std::to_string(fit.samples.size()) + " samples");
}

}  // namespace flowcost::sim::fit
