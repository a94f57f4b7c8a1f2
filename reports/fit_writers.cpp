#include "reports/fit_writers.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

#include "model/number_format.h"

namespace flowcost::reports {

namespace {

using Json = nlohmann::ordered_json;
using sim::fit::DurationFit;
using sim::fit::FitCandidate;

// The shortest text that reads back as the same double.
std::string num(double v) { return model::format_shortest(v); }

std::string key(const std::string& name) {
  const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  }) && !std::isdigit(static_cast<unsigned char>(name[0])) && name[0] != '-';
  if (plain) return name;
  std::string q = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

bool all_equal(const std::vector<double>& s) { return !s.empty() && s.front() == s.back(); }  // sorted

const char* kind(const FitCandidate& c) { return model::to_string(c.kind); }

std::string params(const FitCandidate& c) {
  if (c.kind == model::DistributionKind::lognormal) return "{mu: " + num(c.a) + ", sigma: " + num(c.b) + "}";
  return "{shape: " + num(c.a) + ", scale: " + num(c.b) + "ms}";
}

// The value of a duration field: a constant, the chosen fit, or the empirical CSV.
std::string duration_value(const DurationFit& f, const std::string& csv) {
  if (f.chosen) {
    const FitCandidate& c = f.candidates[*f.chosen];
    return std::string("{") + kind(c) + ": " + params(c) + "}";
  }
  if (all_equal(f.samples)) return num(f.samples.front()) + "ms";
  return "{empirical: {csv: " + csv + "}}";
}

// Comment lines saying which fit was chosen and why, and how the others did.
void fit_comment(std::ostream& out, const std::string& indent, const std::string& what, const DurationFit& f) {
  out << indent << "# " << what << ": " << f.samples.size() << " samples; ";
  if (f.chosen) out << kind(f.candidates[*f.chosen]) << ": " << f.reason << "\n";
  else if (all_equal(f.samples)) out << "every sample is " << num(f.samples.front()) << " ms\n";
  else out << "empirical, because " << f.reason << "\n";
  for (const auto& c : f.candidates) {
    out << indent << "#   " << kind(c) << " " << params(c) << ": AIC " << model::format_fixed(c.aic, 1) << ", KS D = "
        << model::format_fixed(c.ks_statistic, 4) << ", p = " << model::format_significant(c.ks_p_value, 3) << "\n";
  }
}

std::string errors_value(const std::vector<sim::fit::CountedName>& errors, std::size_t attempts) {
  std::string s = "{";
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (i) s += ", ";
    s += key(errors[i].name) + ": " + num(static_cast<double>(errors[i].count) / static_cast<double>(attempts));
  }
  return s + "}";
}

Json fit_json(const DurationFit& f, const std::string& csv) {
  Json j;
  j["samples"] = f.samples.size();
  if (f.chosen) j["chosen"] = kind(f.candidates[*f.chosen]);
  else if (all_equal(f.samples)) j["chosen"] = "constant";
  else {
    j["chosen"] = "empirical";
    j["empirical_csv"] = csv;
  }
  j["reason"] = f.chosen || !all_equal(f.samples) ? f.reason : "every sample is the same value";
  j["candidates"] = Json::array();
  for (const auto& c : f.candidates) {
    Json cj;
    cj["kind"] = kind(c);
    const bool ln = c.kind == model::DistributionKind::lognormal;
    cj["parameters"] = ln ? Json{{"mu", c.a}, {"sigma", c.b}} : Json{{"shape", c.a}, {"scale_ms", c.b}};
    cj["standard_errors"] = ln ? Json{{"mu", c.se_a}, {"sigma", c.se_b}} : Json{{"shape", c.se_a}, {"scale_ms", c.se_b}};
    cj["log_likelihood"] = c.log_likelihood;
    cj["aic"] = c.aic;
    cj["ks_statistic"] = c.ks_statistic;
    cj["ks_p_value"] = c.ks_p_value;
    j["candidates"].push_back(cj);
  }
  return j;
}

Json counts_json(const std::vector<sim::fit::CountedName>& v) {
  Json j = Json::object();
  for (const auto& c : v) j[c.name] = c.count;
  return j;
}

std::set<std::string> lambda_names(const FitDocument& doc) {
  std::set<std::string> names;
  if (doc.lambda)
    for (const auto& f : doc.lambda->functions) names.insert(f.name);
  return names;
}

}  // namespace

std::string empirical_csv_name(const std::string& prefix, const std::string& name, const std::string& what) {
  std::string safe = name;
  for (char& c : safe)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '_';
  return prefix + safe + "." + what + ".csv";
}

std::vector<EmpiricalCsv> empirical_csvs(const FitDocument& doc) {
  std::vector<EmpiricalCsv> out;
  auto add = [&](const DurationFit& f, const std::string& name, const std::string& what) {
    if (!f.chosen && !f.samples.empty() && !all_equal(f.samples))
      out.push_back({empirical_csv_name(doc.csv_prefix, name, what), &f.samples});
  };
  if (doc.lambda) {
    for (const auto& f : doc.lambda->functions) {
      add(f.duration, f.name, "duration");
      if (f.init) add(*f.init, f.name, "init");
    }
  }
  if (doc.histories) {
    const auto skip = lambda_names(doc);
    for (const auto& t : doc.histories->tasks)
      if (!skip.count(t.state)) add(t.duration, t.state, "duration");
    for (const auto& w : doc.histories->waits) add(w.duration, w.state, "wait");
  }
  return out;
}

void write_empirical_csv(const std::vector<double>& samples, std::ostream& out) {
  out << "duration_ms\n";
  for (double v : samples) out << num(v) << "\n";
}

void write_fit_yaml(const FitDocument& doc, std::ostream& out) {
  out << "# flowcost fit " << FLOWCOST_VERSION << ": paste these sections into a step_functions design\n"
      << "# (docs/scenario-format.md, \"Step Functions designs\").\n";
  if (doc.lambda) {
    const auto& l = *doc.lambda;
    out << "# Lambda REPORT records: " << l.records << " from";
    for (const auto& s : l.sources) out << " " << s.path;
    out << " (" << l.skipped_lines << " other lines skipped).\n"
        << "# Each function is under its own name: rename it to the Task state that invokes it.\n";
  }
  if (doc.histories) {
    const auto& h = *doc.histories;
    out << "# Execution histories: " << h.executions.size() << " of " << h.definition_path << "; billable state "
        << "transitions (states entered + retries) per execution:\n";
    for (const auto& e : h.executions) {
      out << "#   " << e.path << ": " << e.billable << " (" << e.states_entered << " entered + " << e.retries
          << " retries" << (e.status ? ", " + *e.status : std::string()) << ")\n";
    }
  }
  const auto lambda_tasks = lambda_names(doc);
  const bool any_task = !lambda_tasks.empty() || (doc.histories && !doc.histories->tasks.empty());
  if (any_task) out << "tasks:\n";
  if (doc.lambda) {
    for (const auto& f : doc.lambda->functions) {
      out << "  " << key(f.name) << ":\n";
      out << "    # " << f.invocations << " invocations (Lambda REPORT records)\n";
      if (f.memory_mb) {
        if (f.memory_sizes > 1)
          out << "    # the log shows " << f.memory_sizes << " memory sizes; the most frequent is written\n";
        out << "    lambda: {memory_mb: " << num(*f.memory_mb) << "}\n";
      }
      const std::string dcsv = empirical_csv_name(doc.csv_prefix, f.name, "duration");
      fit_comment(out, "    ", "duration", f.duration);
      out << "    duration: " << duration_value(f.duration, dcsv) << "\n";
      if (f.init) {
        out << "    # cold starts: " << f.cold_starts << " of " << f.invocations << " invocations\n";
        fit_comment(out, "    ", "init duration", *f.init);
        out << "    cold_start: {probability: "
            << num(static_cast<double>(f.cold_starts) / static_cast<double>(f.invocations))
            << ", init: " << duration_value(*f.init, empirical_csv_name(doc.csv_prefix, f.name, "init")) << "}\n";
      } else {
        out << "    # no cold start (no Init Duration) in the log\n";
      }
      if (!f.errors.empty()) {
        out << "    # failed: " << f.failed << " of " << f.invocations << " invocations\n";
        out << "    errors: " << errors_value(f.errors, f.invocations) << "\n";
      }
    }
  }
  if (doc.histories) {
    const auto& h = *doc.histories;
    for (const auto& t : h.tasks) {
      if (lambda_tasks.count(t.state)) {
        out << "  # " << key(t.state) << ": also a function of the REPORT records, which describe it above\n";
        continue;
      }
      out << "  " << key(t.state) << ":\n";
      out << "    # visits: " << t.visits << ", attempts: " << t.attempts << ", retries: " << t.retries << "\n";
      if (t.starts_execution)
        out << "    # a states:startExecution Task also needs `execution:` (the child state machine), which fit does "
               "not write\n";
      if (!t.duration.samples.empty()) {
        fit_comment(out, "    ", t.callback ? "time until the callback, per attempt" : "duration per attempt", t.duration);
        const std::string value = duration_value(t.duration, empirical_csv_name(doc.csv_prefix, t.state, "duration"));
        if (t.callback) out << "    callback: {wait: " << value << "}\n";
        else out << "    duration: " << value << "\n";
      }
      for (const auto& to : t.timeouts)
        out << "    # " << to.name << ": " << to.count << " attempts; the simulator raises it from the durations and "
            << "the state's timeouts, so it is not under errors\n";
      if (!t.errors.empty() && t.attempts > 0) {
        out << "    # failed attempts per error: ";
        for (std::size_t i = 0; i < t.errors.size(); ++i)
          out << (i ? ", " : "") << t.errors[i].name << " " << t.errors[i].count;
        out << " of " << t.attempts << "\n";
        out << "    errors: " << errors_value(t.errors, t.attempts) << "\n";
      }
      if (t.attempts == 0) out << "    {}\n";
    }
    if (!h.choices.empty()) out << "choices:\n";
    for (const auto& c : h.choices) {
      out << "  # " << c.state << ": " << c.visits << " visits;";
      for (const auto& b : c.branches)
        out << " " << b.target << (b.key == "default" ? " (default)" : "") << " " << b.count;
      out << "\n  " << key(c.state) << ": {";
      for (std::size_t i = 0; i < c.branches.size(); ++i) {
        out << (i ? ", " : "") << key(c.branches[i].key) << ": "
            << num(static_cast<double>(c.branches[i].count) / static_cast<double>(c.visits));
      }
      out << "}\n";
    }
    if (!h.maps.empty()) out << "maps:\n";
    for (const auto& m : h.maps) {
      out << "  # " << m.state << ": " << m.visits << " visits; items per visit:";
      for (const auto& [items, count] : m.item_counts) out << " " << items << " (" << count << ")";
      out << "\n  " << key(m.state) << ": {items: ";
      if (m.item_counts.size() == 1) {
        out << m.item_counts.front().first;
      } else {
        out << "{discrete: {";
        for (std::size_t i = 0; i < m.item_counts.size(); ++i)
          out << (i ? ", " : "") << m.item_counts[i].first << ": "
              << num(static_cast<double>(m.item_counts[i].second) / static_cast<double>(m.visits));
        out << "}}";
      }
      out << "}\n";
    }
    if (!h.waits.empty()) out << "waits:\n";
    for (const auto& w : h.waits) {
      fit_comment(out, "  ", w.state + " wait", w.duration);
      out << "  " << key(w.state) << ": {wait: " << duration_value(w.duration, empirical_csv_name(doc.csv_prefix, w.state, "wait"))
          << "}\n";
    }
    // A history's Task time (TaskScheduled to its end) already holds Step Functions' dispatch of the Task,
    // which the simulator would add again (docs/billing-rules.md section 8).
    bool from_history = false;
    for (const auto& t : h.tasks) from_history = from_history || (!lambda_tasks.count(t.state) && !t.duration.samples.empty());
    if (from_history && lambda_tasks.empty()) {
      out << "orchestration:\n";
      out << "  # the Task times above come from execution histories and include Step Functions' dispatch\n";
      out << "  task_dispatch_ms: 0ms\n";
    } else if (from_history) {
      out << "# Task times from execution histories include Step Functions' dispatch, those from REPORT records do\n"
          << "# not: the design's orchestration task_dispatch_ms adds it to both (docs/scenario-format.md)\n";
    }
  }
}

void write_fit_json(const FitDocument& doc, std::ostream& out) {
  Json j;
  j["flowcost_version"] = FLOWCOST_VERSION;
  if (doc.lambda) {
    const auto& l = *doc.lambda;
    Json lj;
    lj["sources"] = Json::array();
    for (const auto& s : l.sources) lj["sources"].push_back({{"path", s.path}, {"sha256", s.sha256}});
    lj["records"] = l.records;
    lj["skipped_lines"] = l.skipped_lines;
    lj["functions"] = Json::array();
    for (const auto& f : l.functions) {
      Json fj;
      fj["name"] = f.name;
      fj["invocations"] = f.invocations;
      fj["memory_mb"] = f.memory_mb ? Json(*f.memory_mb) : Json(nullptr);
      fj["duration_ms"] = fit_json(f.duration, empirical_csv_name(doc.csv_prefix, f.name, "duration"));
      fj["cold_starts"] = f.cold_starts;
      fj["cold_start_probability"] = static_cast<double>(f.cold_starts) / static_cast<double>(f.invocations);
      fj["init_duration_ms"] = f.init ? fit_json(*f.init, empirical_csv_name(doc.csv_prefix, f.name, "init")) : Json(nullptr);
      fj["failed"] = f.failed;
      fj["errors"] = counts_json(f.errors);
      lj["functions"].push_back(fj);
    }
    j["lambda"] = lj;
  }
  if (doc.histories) {
    const auto& h = *doc.histories;
    Json hj;
    hj["definition"] = h.definition_path;
    hj["sources"] = Json::array();
    for (const auto& s : h.sources) hj["sources"].push_back({{"path", s.path}, {"sha256", s.sha256}});
    hj["executions"] = Json::array();
    for (const auto& e : h.executions)
      hj["executions"].push_back({{"path", e.path}, {"states_entered", e.states_entered}, {"retries", e.retries},
                                  {"billable_transitions", e.billable},
                                  {"status", e.status ? Json(*e.status) : Json(nullptr)}});
    hj["tasks"] = Json::array();
    for (const auto& t : h.tasks)
      hj["tasks"].push_back({{"state", t.state}, {"visits", t.visits}, {"attempts", t.attempts}, {"retries", t.retries},
                             {"callback", t.callback},
                             {"duration_ms", fit_json(t.duration, empirical_csv_name(doc.csv_prefix, t.state, "duration"))},
                             {"errors", counts_json(t.errors)}, {"timeouts", counts_json(t.timeouts)}});
    hj["choices"] = Json::array();
    for (const auto& c : h.choices) {
      Json bj = Json::array();
      for (const auto& b : c.branches)
        bj.push_back({{"key", b.key}, {"target", b.target}, {"count", b.count},
                      {"weight", static_cast<double>(b.count) / static_cast<double>(c.visits)}});
      hj["choices"].push_back({{"state", c.state}, {"visits", c.visits}, {"branches", bj}});
    }
    hj["maps"] = Json::array();
    for (const auto& m : h.maps) {
      Json ij = Json::array();
      for (const auto& [items, count] : m.item_counts) ij.push_back({{"items", items}, {"visits", count}});
      hj["maps"].push_back({{"state", m.state}, {"visits", m.visits}, {"item_counts", ij}});
    }
    hj["waits"] = Json::array();
    for (const auto& w : h.waits)
      hj["waits"].push_back({{"state", w.state},
                             {"duration_ms", fit_json(w.duration, empirical_csv_name(doc.csv_prefix, w.state, "wait"))}});
    j["histories"] = hj;
  }
  out << j.dump(2) << "\n";
}

}  // namespace flowcost::reports
