#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "golden_compare.h"
#include "reports/markdown_table.h"
#include "reports/per_draw_csv_writer.h"
#include "reports/run_csv_writer.h"
#include "reports/run_json_writer.h"
#include "reports/run_markdown_writer.h"
#include "reports/run_table_writer.h"
#include "sample_report.h"

using namespace flowcost::reports;
namespace engine = flowcost::engine;
using flowcost::reports::testing::sample_report;
namespace ft = flowcost::testing;

namespace {

const std::string kGoldenDir = std::string(FLOWCOST_TEST_DATA) + "/golden/reports/";

// Exact comparison with a golden file (FLOWCOST_UPDATE_GOLDEN=1 rewrites it).
void check_golden_text(const std::string& name, const std::string& actual) {
  std::string path = kGoldenDir + name;
  if (ft::update_golden_requested()) ft::write_text_file(path, actual);
  CHECK(actual == ft::read_text_file(path));
}

template <typename Writer>
std::string render(Writer writer, const engine::RunReport& r) {
  std::ostringstream out;
  writer(r, out);
  return out.str();
}

}  // namespace

TEST_CASE("run CSV: one row per design x line item, a total row per design, comparison on candidates") {
  std::string csv = render(write_run_csv, sample_report());
  // Every row ends with the run's provenance: seed 7, table aws-us-east-1 of 2025-06-01, tool 0.1.0.
  CHECK(csv ==
        "scenario,design,row,meter,label,unit,quantity_mean,cost_usd_mean,cost_usd_p05,cost_usd_p50,cost_usd_p95,"
        "per_execution_cost_usd,per_execution_cost_usd_p05,per_execution_cost_usd_p50,per_execution_cost_usd_p95,"
        "per_million_events_cost_usd,saving_usd_mean,saving_fraction_mean,p_candidate_cheaper,detail,seed,prices,"
        "prices_effective_date,tool_version\r\n"
        "iot-telemetry,step-functions,line,sfn.standard.transitions,transitions,transitions,400000000,2000,1850,1990,"
        "2150,2e-05,,,,20,,,,,7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,step-functions,line,lambda.requests,requests,requests,100000000,20,18,20,22,2e-07,,,,"
        "0.19999999999999998,,,,"
        ",7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,step-functions,line,lambda.gb_seconds.arm64,duration,GB-s,36000.5,480.5,432,480.25,528.75,"
        "4.805e-06,,,,4.805,,,,,7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,step-functions,total,,,USD,,2500.5,2300,2490.25,2700.75,2.50005e-05,2.3e-05,2.49e-05,2.7e-05,"
        "25.0005,,,,,7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,step-functions,unpriced,,Notify,,,,,,,,,,,,,,,http:invoke: an HTTP Task: the endpoint's "
        "charges are not metered,7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,step-functions,unpriced,,Archive|Put,,,,,,,,,,,,,,,"
        "\"the Resource \"\"${Archive}\"\" names no service flowcost meters\",7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,step-functions,setting,,lambda.init_billed,,,,,,,,,,,,,,,true,7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,step-functions,setting,,standard.transitions_per_execution,,,,,,,,,,,,,,,0,7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,step-functions,setting,,free_tier,,,,,,,,,,,,,,,false,7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,iot-rules,line,iot.rules_triggered,rules,rules,100000000,15,14.5,15,15.5,1.5e-07,,,,0.15,,,,"
        ",7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,iot-rules,line,iot.actions_executed,actions,actions,110000000,16.5,16,16.5,17,1.65e-07,,,,"
        "0.165,,,,,7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,iot-rules,line,dynamodb.write_request_units,writes,WRU,150000000,1268.5,1169.5,1268,1367.5,"
        "1.2685e-05,,,,12.685,,,,,7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,iot-rules,total,,,USD,,1300,1200,1299.5,1400,1.3e-05,1.2e-05,1.3e-05,1.4e-05,13,1200.5,0.48,1,"
        ",7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,iot-rules,setting,,iot.error_action_billed,,,,,,,,,,,,,,,true,7,aws-us-east-1,2025-06-01,0.1.0\r\n"
        "iot-telemetry,iot-rules,setting,,free_tier.shared.pool,,,,,,,,,,,,,,,\"a, b\",7,aws-us-east-1,2025-06-01,0.1.0\r\n");
}

TEST_CASE("run CSV quotes names with commas, quotes and line breaks (RFC 4180)") {
  engine::RunReport r = sample_report();
  r.scenario = "a,b";
  r.designs[0].name = "say \"hi\"";
  r.designs[1].name = "two\nlines";
  r.comparisons[0].baseline = r.designs[0].name;
  r.comparisons[0].candidate = r.designs[1].name;
  std::string csv = render(write_run_csv_rows, r);
  CHECK(csv.find("\"a,b\",\"say \"\"hi\"\"\",total,,,USD,,2500.5,") != std::string::npos);
  CHECK(csv.find("\"a,b\",\"two\nlines\",total,,,USD,,1300,1200,1299.5,1400,1.3e-05,") != std::string::npos);
  auto records = ft::split_csv(csv);
  REQUIRE(records.size() == 15);
  CHECK(records[3][1] == "say \"hi\"");
  CHECK(records[12][1] == "two\nlines");
  for (const auto& record : records) CHECK(record.size() == 24);
  CHECK(records[5][19] == "the Resource \"${Archive}\" names no service flowcost meters");
  CHECK(records[5][4] == "Archive|Put");
}

TEST_CASE("run table") { check_golden_text("sample_report.txt", render(write_run_table, sample_report())); }

TEST_CASE("run Markdown") { check_golden_text("sample_report.md", render(write_run_markdown, sample_report())); }

TEST_CASE("run JSON: exact text and the contract's keys") {
  std::string text = render(write_run_json, sample_report());
  check_golden_text("sample_report.json", text);
  auto j = nlohmann::json::parse(text);
  for (const char* key : {"scenario", "seed", "tool_version", "prices", "designs", "comparisons", "performance"})
    CHECK(j.contains(key));
  CHECK(j["prices"]["name"] == "aws-us-east-1");
  CHECK(j["prices"]["effective_date"] == "2025-06-01");
  const auto& d = j["designs"][0];
  CHECK(d["monthly_cost_usd"]["stderr"] == 1.25);
  CHECK(d["per_execution_cost_usd"]["mean"] == 0.0000250005);
  CHECK(d["meters"]["lambda.requests"]["mean"] == 100000000.0);
  CHECK(d["lines"][2]["meter"] == "lambda.gb_seconds.arm64");
  CHECK(d["lines"][2]["quantity_mean"] == 36000.5);
  CHECK(d["latency_ms"] == nlohmann::json{{"mean", 180.75}, {"p50", 120.5}, {"p90", 250.0}, {"p95", 300.25}, {"p99", 1204.0}});
  CHECK(d["outcomes"]["failed_by_error"]["States.Timeout"] == 7500);
  const auto& c = j["comparisons"][0];
  CHECK(c["baseline"] == "step-functions");
  CHECK(c["saving_usd"]["p95"] == 1300.25);
  CHECK(c["p_candidate_cheaper"] == 1.0);
  CHECK(j["overrides"][1]["name"] == "payload_kb");
  CHECK(j["overrides"][1]["value"] == "lognormal(mean: 3, sd: 1)");
  CHECK(j["reproduce_command"].get<std::string>().rfind("flowcost run scenarios/iot-telemetry.yaml --seed 7", 0) == 0);
  CHECK(d["per_execution_cost_usd"]["p95"] == 0.000027);
  CHECK(d["per_million_events_cost_usd"]["mean"] == 25.0005);
  CHECK(j["budgets"][0] == nlohmann::json{{"design", "step-functions"}, {"limit_usd", 2400.0}, {"mean_usd", 2500.5},
                                          {"passed", false}, {"source", "scenario budgets:"}});
  CHECK(j["performance"]["simulated_transitions"] == 160000000);
  CHECK(j["performance"]["wall_seconds"] == 1.5);
}

TEST_CASE("JSON writes null for a missing stop rule and for non-finite numbers") {
  engine::RunReport r = sample_report();
  r.rel_error_target.reset();
  r.designs[0].monthly_cost_usd.std_error = std::numeric_limits<double>::quiet_NaN();
  auto j = nlohmann::json::parse(render(write_run_json, r));
  CHECK(j["rel_error_target"].is_null());
  CHECK(j["designs"][0]["monthly_cost_usd"]["stderr"].is_null());
}

namespace {

// A numpunct that would write 1234.5 as "1.234,5" if any writer used iostream number formatting.
struct CommaDecimal : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
};

}  // namespace

TEST_CASE("writers ignore the global locale: '.' decimal point in every format") {
  const engine::RunReport r = sample_report();
  const std::string csv = render(write_run_csv, r), json = render(write_run_json, r),
                    table = render(write_run_table, r), md = render(write_run_markdown, r);
  std::locale previous = std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
  std::ostringstream probe;
  probe << 1234.5;
  CHECK(probe.str() == "1.234,5");  // the locale is in effect for iostreams
  CHECK(render(write_run_csv, r) == csv);
  CHECK(render(write_run_json, r) == json);
  CHECK(render(write_run_table, r) == table);
  CHECK(render(write_run_markdown, r) == md);
  std::locale::global(previous);
  CHECK(csv.find("2500.5") != std::string::npos);
}

TEST_CASE("CSV golden comparer: numbers within tolerance, text exact") {
  CHECK(ft::csv_difference("a,1.5\r\n", "a,1.5000000000001\n").empty());
  CHECK(ft::csv_difference("a,1.5\r\n", "a,1.5001\r\n") == "record 1, cell 2: '1.5' vs '1.5001'");
  CHECK(ft::csv_difference("a,\"x,y\"\r\n", "a,\"x,y\"\r\n").empty());
  CHECK(ft::csv_difference("a,b\r\n", "a,c\r\n") == "record 1, cell 2: 'b' vs 'c'");
  CHECK(ft::csv_difference("a\r\nb\r\n", "a\r\n") == "record count 2 vs 1");
}

TEST_CASE("Markdown escapes table pipes, backslashes and dollar signs in names") {
  engine::RunReport r = sample_report();
  r.designs[0].name = "a|b\\c";
  r.comparisons[0].baseline = r.designs[0].name;
  std::string md = render(write_run_markdown, r);
  CHECK(md.find("\n## a\\|b\\\\c\n") != std::string::npos);
  CHECK(md.find("| a\\|b\\\\c | iot-rules | \\$1,200.50 |") != std::string::npos);
}

TEST_CASE("per-draw CSV: a total row and a row per line per draw, then the paired savings") {
  engine::RunReport r = sample_report();
  r.designs[0].draw_cost_usd = {2400, 2601};
  r.designs[0].lines.resize(1);
  r.designs[0].lines[0].draw_cost_usd = {1900, 2100.5};
  r.designs[1].draw_cost_usd = {1300.25, 1299.75};
  r.designs[1].lines.resize(1);
  r.designs[1].lines[0].draw_cost_usd = {15, 15.5};
  r.comparisons[0].draw_saving_usd = {1099.75, 1301.25};
  CHECK(render(write_per_draw_csv, r) ==
        "scenario,design,draw,row,meter,label,usd\r\n"
        "iot-telemetry,step-functions,0,total,,,2400\r\n"
        "iot-telemetry,step-functions,0,line,sfn.standard.transitions,transitions,1900\r\n"
        "iot-telemetry,step-functions,1,total,,,2601\r\n"
        "iot-telemetry,step-functions,1,line,sfn.standard.transitions,transitions,2100.5\r\n"
        "iot-telemetry,iot-rules,0,total,,,1300.25\r\n"
        "iot-telemetry,iot-rules,0,line,iot.rules_triggered,rules,15\r\n"
        "iot-telemetry,iot-rules,1,total,,,1299.75\r\n"
        "iot-telemetry,iot-rules,1,line,iot.rules_triggered,rules,15.5\r\n"
        "iot-telemetry,iot-rules,0,saving,,step-functions,1099.75\r\n"
        "iot-telemetry,iot-rules,1,saving,,step-functions,1301.25\r\n");
}

TEST_CASE("Markdown table: escaped cells, alignment row, two spaces for an empty cell") {
  MarkdownTable table({"name", "cost"}, {false, true});
  table.add_row({md_cell("a|b $5 \\ c"), ""});
  std::ostringstream out;
  table.write(out);
  CHECK(out.str() == "| name | cost |\n|---|---:|\n| a\\|b \\$5 \\\\ c |  |\n");
}
