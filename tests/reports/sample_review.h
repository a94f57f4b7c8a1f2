#pragma once
// A hand-built design-review report with round numbers (the run of sample_report.h with per-draw values, a
// tornado, a sweep and the inputs), shared by the HTML writer's tests.
#include "engine/review_report.h"
#include "sample_report.h"

namespace flowcost::reports::testing {

inline engine::ReviewReport sample_review() {
  engine::ReviewReport r;
  r.run = sample_report();
  r.run.designs[0].draw_cost_usd = {2300, 2400, 2450, 2490, 2500, 2510, 2550, 2600, 2700, 2505};
  r.run.designs[1].draw_cost_usd = {1200, 1250, 1280, 1299.5, 1300, 1310, 1320, 1350, 1400, 1290.5};
  r.run.comparisons[0].draw_saving_usd = {1100, 1150, 1170, 1190.5, 1200, 1200, 1230, 1250, 1300, 1214.5};
  r.run.overrides = {{"devices", "12000"}};
  r.run.reproduce_command = "flowcost run scenarios/iot-telemetry.yaml --seed 7 --draws 200 --executions 100000 "
                            "--set devices=12000";
  r.tornado.scenario = "iot-telemetry";
  r.tornado.seed = 7;
  r.tornado.draws = 50;
  r.tornado.executions_per_draw = 100000;
  r.tornado.inputs = {{"messages_per_device_per_day", 180, 300, 450, {}}, {"lambda_throttle_rate", 0.0002, 0.001, 0.0019, {}}};
  r.tornado.pairs = {{"step-functions", "iot-rules", 1150,
                      {{"messages_per_device_per_day", 700, 1700, 1000, false},
                       {"lambda_throttle_rate", 1140, 1160, 20, false}}}};
  engine::SweepReport s;
  s.scenario = "iot-telemetry";
  s.seed = 7;
  s.draws = 50;
  s.executions_per_draw = 100000;
  s.input = "messages_per_device_per_day";
  s.from = 100;
  s.to = 500;
  s.scale = "linear";
  for (double v : {100.0, 300.0, 500.0})
    s.points.push_back({v,
                        {{"step-functions", 8 * v, 7 * v, 9 * v}, {"iot-rules", 4 * v + 100, 3.5 * v + 90, 4.5 * v + 110}},
                        {{"step-functions", "iot-rules", 4 * v - 100}}});
  s.break_even = {{"step-functions", "iot-rules", 125, 100, 150, 3, true}};
  r.sweep = s;
  r.inputs = {{"devices", "inputs", "distribution", "{triangular: [5000, 10000, 20000]}", "", "", true},
              {"messages_per_device_per_day", "inputs", "distribution", "{triangular: [150, 300, 500]}",
               "AWS's free-tier example: 300 messages a day per device <b>[I]</b>", "scenarios/iot-telemetry.yaml:41:3",
               false},
              {"events_per_month", "workload", "expression", "devices * messages_per_device_per_day * 30", "",
               "scenarios/iot-telemetry.yaml:45:21", false}};
  r.command = "flowcost report scenarios/iot-telemetry.yaml --seed 7 --set devices=12000 --vary "
              "messages_per_device_per_day=100..500:3";
  return r;
}

}  // namespace flowcost::reports::testing
