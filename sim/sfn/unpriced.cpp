// Which Task calls flowcost does not meter (docs/billing-rules.md "What is not priced"). compile_task
// says whether the Resource's call produced a meter (a Lambda invocation, a job, a started execution or a
// downstream call of plan.calls) and whether the behaviour did; this decides the rest, so that a meter
// added to compile_task takes its call off the list by itself.
#include "sim/sfn/compile_detail.h"

namespace flowcost::sim::sfn {

std::optional<std::string> unpriced_reason(const model::asl::Resource& r, bool resource_metered,
                                           bool behaviour_metered) {
  using model::asl::ResourceKind;
  if (r.kind == ResourceKind::unknown) {
    if (behaviour_metered) return std::nullopt;
    return "the Resource \"" + r.arn.value +
           "\" names no service flowcost meters and the Task's behaviour gives no billed call (lambda:, dynamodb:, "
           "sqs:, sns:, s3:, rekognition:, firehose:, kinesis:, eventbridge:, fargate: or execution:)";
  }
  if (resource_metered) return std::nullopt;
  if (r.kind == ResourceKind::activity)
    return std::string("an activity: its worker runs outside Step Functions and is not metered");
  if (r.kind == ResourceKind::http)
    return std::string("an HTTP Task: the endpoint's charges and the EventBridge connection are not metered");
  if ((r.service == "batch" || r.service == "ecs") && r.pattern == model::asl::IntegrationPattern::request_response)
    return "the job started by " + r.service + ":" + r.action +
           " runs after the call returns (no .sync) and is not metered; give the Task fargate: {vcpu, memory_gb}";
  return "flowcost has no metering rule for " + r.service + ":" + r.action;
}

}  // namespace flowcost::sim::sfn
