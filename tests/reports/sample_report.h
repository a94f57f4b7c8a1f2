#pragma once
// A hand-built run report with round numbers, shared by the writer tests.
#include "engine/run_report.h"

namespace flowcost::reports::testing {

inline engine::RunReport sample_report() {
  engine::RunReport r;
  r.scenario = "iot-telemetry";
  r.title = "IoT telemetry, two designs";
  r.scenario_file = "scenarios/iot-telemetry.yaml";
  r.input_files = {{"scenarios/iot-telemetry.yaml", "aa11"}, {"scenarios/iot-telemetry.asl.json", "bb22"}};
  r.seed = 7;
  r.tool_version = "0.1.0";
  r.overrides = {{"devices", "2000"}, {"payload_kb", "lognormal(mean: 3, sd: 1)"}};
  r.reproduce_command =
      "flowcost run scenarios/iot-telemetry.yaml --seed 7 --draws 200 --executions 100000 --rel-error 0.01 "
      "--max-draws 200 --set devices=2000 --set 'payload_kb=lognormal(mean: 3, sd: 1)'";
  r.prices = {"aws-us-east-1", "2025-06-01", "us-east-1", "cc33"};
  r.free_tier = false;
  r.draws = 200;
  r.executions_per_draw = 100000;
  r.rel_error_target = 0.01;
  r.converged = true;
  r.relative_error = 0.0041;

  engine::DesignReport sfn;
  sfn.name = "step-functions";
  sfn.monthly_cost_usd = {2500.5, 1.25, 2300, 2490.25, 2700.75, 0.75};
  sfn.per_execution_cost_usd_mean = 0.0000250005;
  sfn.per_execution_cost_usd_p05 = 0.000023;
  sfn.per_execution_cost_usd_p50 = 0.0000249;
  sfn.per_execution_cost_usd_p95 = 0.000027;
  sfn.events_per_month_mean = 100000000;
  sfn.meters = {{"lambda.requests", {100000000, 1}}, {"sfn.standard.transitions", {400000000, 4}}};
  sfn.lines = {{"sfn.standard.transitions", "transitions", "transitions", 400000000, 2000, 1850, 1990, 2150, 0.00002, {}, 0},
               {"lambda.requests", "requests", "requests", 100000000, 20, 18, 20, 22, 0.0000002, {}, 0},
               {"lambda.gb_seconds.arm64", "duration", "GB-s", 36000.5, 480.5, 432, 480.25, 528.75, 0.000004805, {}, 0}};
  sfn.latency = {180.75, 120.5, 250, 300.25, 1204};
  sfn.outcomes.succeeded = 19990000;
  sfn.outcomes.failed = 10000;
  sfn.outcomes.caught = 250;
  sfn.outcomes.failed_by_error = {{"States.Timeout", 7500}, {"Lambda.Unknown", 2500}};
  sfn.executions = 20000000;
  sfn.warnings = {"Task Notify has no behaviour; it takes 0 ms"};
  sfn.unpriced = {{"Notify", "http", "invoke", "an HTTP Task: the endpoint's charges are not metered"},
                  {"Archive|Put", "", "", "the Resource \"${Archive}\" names no service flowcost meters"}};
  sfn.assumptions = {{"lambda.init_billed", "true", "price table t, metering:"},
                     {"standard.transitions_per_execution", "0", "price table t, metering:"},
                     {"free_tier", "false", "scenario free_tier: or --free-tier"}};

  engine::DesignReport iot;
  iot.name = "iot-rules";
  iot.monthly_cost_usd = {1300, 0.5, 1200, 1299.5, 1400, 0.25};
  iot.per_execution_cost_usd_mean = 0.000013;
  iot.per_execution_cost_usd_p05 = 0.000012;
  iot.per_execution_cost_usd_p50 = 0.000013;
  iot.per_execution_cost_usd_p95 = 0.000014;
  iot.events_per_month_mean = 100000000;
  iot.meters = {{"iot.rules_triggered", {100000000, 1}}};
  iot.lines = {{"iot.rules_triggered", "rules", "rules", 100000000, 15, 14.5, 15, 15.5, 0.00000015, {}, 0},
               {"iot.actions_executed", "actions", "actions", 110000000, 16.5, 16, 16.5, 17, 0.000000165, {}, 0},
               {"dynamodb.write_request_units", "writes", "WRU", 150000000, 1268.5, 1169.5, 1268, 1367.5, 0.000012685, {}, 0}};
  iot.latency = {52, 40, 80, 95.5, 150};
  iot.outcomes.succeeded = 19999000;
  iot.outcomes.lost = 1000;
  iot.executions = 20000000;
  iot.assumptions = {{"iot.error_action_billed", "true", "price table t, metering:"},
                     {"free_tier.shared.pool", "a, b", "price table t, shared free_tier: in this order"}};
  r.designs = {sfn, iot};

  engine::ComparisonReport c;
  c.baseline = "step-functions";
  c.candidate = "iot-rules";
  c.saving_usd = {1200.5, 1100, 1300.25, 1198, 1203};
  c.saving_fraction_mean = 0.48;
  c.p_candidate_cheaper = 1;
  c.ratio_mean = 0.52;
  c.latency_p95_delta_ms = -204.75;
  c.failed_fraction_delta = -0.0005;
  c.lost_fraction_delta = 0.00005;
  r.comparisons = {c};
  r.budgets = {{"step-functions", 2400, 2500.5, false, "scenario budgets:"}, {"iot-rules", 1500, 1300, true, "--fail-above"}};
  r.performance = {40000000, 160000000, 1.5};
  return r;
}

}  // namespace flowcost::reports::testing
