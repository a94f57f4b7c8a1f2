#pragma once
// Task `Resource` ARNs (docs/sources.md#asl-states): Lambda functions (with alias or version), activities,
// optimized integrations `arn:aws:states:::SERVICE:ACTION[.sync|.sync:2|.waitForTaskToken]`, AWS SDK
// integrations `arn:aws:states:::aws-sdk:SERVICE:ACTION`, HTTP tasks; partitions aws, aws-cn, aws-us-gov
// (and the isolated ones); `${Name}` placeholders anywhere.
#include <optional>
#include <string>

#include "model/asl/state_machine.h"

namespace flowcost::model::asl {

// Classifies `arn`. When it is not a valid Task resource, `error` receives the reason (the returned
// Resource then has kind `unknown`). A resource that is one whole placeholder is accepted as unknown.
// A well-formed URI that Step Functions does not run (the spec's own `arn:aws:swf:...:task:X`
// examples, other services' ARNs) is accepted as unknown with `warning` set: the language allows any
// URI, AWS runs only Lambda functions, activities and `arn:aws:states:::` integrations.
Resource parse_resource(const Located& arn, std::optional<std::string>& error, std::optional<std::string>& warning);

const char* to_string(IntegrationPattern p);

// Does this Task resource run a Lambda function (a function ARN, or a `lambda:` integration)?
bool runs_lambda_function(const Resource& r);

}  // namespace flowcost::model::asl
