#include "model/asl/resource.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "model/asl/placeholders.h"
#include "model/suggest.h"

namespace flowcost::model::asl {

namespace {

// Splits on ':' outside `${...}` placeholders (which may hold "::", as in ${AWS::Region}).
std::vector<std::string> split_arn(const std::string& s) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "${") == 0) {
      std::size_t close = s.find('}', i);
      if (close != std::string::npos) {
        parts.back() += s.substr(i, close - i + 1);
        i = close;
        continue;
      }
    }
    if (s[i] == ':') parts.emplace_back();
    else parts.back() += s[i];
  }
  return parts;
}

std::string join_from(const std::vector<std::string>& parts, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < parts.size(); ++i) out += (i > from ? ":" : "") + parts[i];
  return out;
}

bool known_partition(const std::string& p) {
  static const std::vector<std::string> partitions = {"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b",
                                                      "aws-iso-e", "aws-iso-f", "aws-eusc"};
  for (const auto& k : partitions)
    if (p == k) return true;
  return has_placeholder(p);
}

// "startExecution.sync:2" -> action "startExecution", pattern sync2.
std::optional<std::string> split_pattern(const std::string& rest, Resource& r) {
  std::size_t dot = rest.find('.');
  r.action = rest.substr(0, dot);
  if (r.action.empty()) return std::string("the integration has no action after the service name");
  if (dot == std::string::npos) return std::nullopt;
  std::string suffix = rest.substr(dot + 1);
  if (suffix == "sync") r.pattern = IntegrationPattern::sync;
  else if (suffix == "sync:2") r.pattern = IntegrationPattern::sync2;
  else if (suffix == "waitForTaskToken") r.pattern = IntegrationPattern::wait_for_task_token;
  else {
    std::string msg = "unknown integration pattern \"." + suffix + "\"";
    if (auto near = closest_name(suffix, {"sync", "sync:2", "waitForTaskToken"}))
      msg += "; did you mean \"." + *near + "\"?";
    return msg + " (use .sync, .sync:2 or .waitForTaskToken)";
  }
  return std::nullopt;
}

// The actions and patterns of the optimized integrations whose whole list AWS documents
// (docs/validation-rules.md R16); other services are accepted as written.
struct OptimizedIntegration {
  const char* service;
  const char* label;
  std::vector<std::string> actions;
  bool wait_for_task_token;
};

std::optional<std::string> check_optimized_action(const Resource& r) {
  static const std::vector<OptimizedIntegration> kKnown = {
      {"dynamodb", "DynamoDB", {"getItem", "putItem", "updateItem", "deleteItem"}, false},
      {"lambda", "Lambda", {"invoke"}, true},
      {"sns", "SNS", {"publish"}, true},
      {"sqs", "SQS", {"sendMessage"}, true},
      {"events", "EventBridge", {"putEvents"}, true},
  };
  if (has_placeholder(r.action)) return std::nullopt;
  for (const auto& k : kKnown) {
    if (r.service != k.service) continue;
    if (std::find(k.actions.begin(), k.actions.end(), r.action) == k.actions.end()) {
      std::string msg = "the " + std::string(k.label) + " optimized integration has no action \"" + r.action + "\"";
      if (auto near = closest_name(r.action, k.actions)) msg += "; did you mean \"" + *near + "\"?";
      std::string list;
      for (std::size_t i = 0; i < k.actions.size(); ++i)
        list += (i == 0 ? "" : i + 1 == k.actions.size() ? " and " : ", ") + k.actions[i];
      return msg + " (it supports " + list + "; call other actions through \"arn:aws:states:::aws-sdk:" + k.service +
             ":ACTION\")";
    }
    if (r.pattern == IntegrationPattern::sync || r.pattern == IntegrationPattern::sync2 ||
        (r.pattern == IntegrationPattern::wait_for_task_token && !k.wait_for_task_token))
      return "the " + std::string(k.label) + " optimized integration does not support \"" + to_string(r.pattern) +
             "\" (" + (k.wait_for_task_token ? "request-response and .waitForTaskToken only" : "request-response only") +
             ")";
  }
  return std::nullopt;
}

std::optional<std::string> parse_states_resource(const std::vector<std::string>& p, Resource& r) {
  if (p.size() >= 7 && p[5] == "activity") {
    if (p[3].empty() || p[4].empty()) return std::string("an activity ARN needs a region and an account");
    if (p.size() != 7 || p[6].empty()) return std::string("an activity ARN ends with \"activity:NAME\"");
    r.kind = ResourceKind::activity;
    r.service = "states";
    r.action = "activity";
    r.function_name = p[6];
    return std::nullopt;
  }
  if (p.size() < 7 || p[5].empty())
    return std::string("an integration ARN has the form \"arn:aws:states:::SERVICE:ACTION\"");
  if (p[5] == "aws-sdk") {
    if (p.size() < 8 || p[6].empty())
      return std::string("an AWS SDK integration has the form \"arn:aws:states:::aws-sdk:SERVICE:ACTION\"");
    r.kind = ResourceKind::aws_sdk;
    r.service = p[6];
    if (auto e = split_pattern(join_from(p, 7), r)) return e;
    if (r.pattern == IntegrationPattern::sync || r.pattern == IntegrationPattern::sync2)
      return std::string("AWS SDK integrations do not support \".sync\" (only request-response and "
                         ".waitForTaskToken)");
    return std::nullopt;
  }
  r.service = p[5];
  r.kind = r.service == "http" ? ResourceKind::http : ResourceKind::optimized_integration;
  if (auto e = split_pattern(join_from(p, 6), r)) return e;
  if (r.kind == ResourceKind::http && r.action != "invoke")
    return std::string("the HTTP task resource is \"arn:aws:states:::http:invoke\"");
  return check_optimized_action(r);
}

// A URI: a scheme (letter, then letters, digits, + - .) and ':' with something after it.
bool is_uri(const std::string& s) {
  std::size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 >= s.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return s.find(' ') == std::string::npos;
}

// Lambda function names: [A-Za-z0-9-_]+; qualifiers also allow '$' ($LATEST). Placeholders pass.
bool valid_lambda_part(const std::string& part, bool qualifier) {
  if (part.empty()) return false;
  if (has_placeholder(part)) return true;
  for (char c : part) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || (qualifier && c == '$');
    if (!ok) return false;
  }
  return !qualifier || part.find('$') == std::string::npos || part == "$LATEST";
}

}  // namespace

const char* to_string(IntegrationPattern p) {
  switch (p) {
    case IntegrationPattern::request_response: return "request-response";
    case IntegrationPattern::sync: return ".sync";
    case IntegrationPattern::sync2: return ".sync:2";
    case IntegrationPattern::wait_for_task_token: return ".waitForTaskToken";
  }
  return "?";
}

Resource parse_resource(const Located& arn, std::optional<std::string>& error, std::optional<std::string>& warning) {
  Resource r;
  r.arn = arn;
  r.has_placeholder = has_placeholder(arn.value);
  error.reset();
  warning.reset();
  if (is_whole_placeholder(arn.value)) return r;
  std::vector<std::string> p = split_arn(arn.value);
  if (p.size() < 6 || p[0] != "arn") {
    // e.g. "${Prefix}-function": resolved at deploy time; a malformed "${" is reported by the placeholder scan.
    if ((r.has_placeholder || arn.value.find("${") != std::string::npos) && p.size() < 6) return r;
    if (is_uri(arn.value) && p[0] != "arn") {
      warning = "\"" + arn.value + "\" is a URI but not an AWS ARN; Step Functions runs only Lambda functions, "
                "activities and \"arn:aws:states:::\" integrations";
      return r;
    }
    error = "\"" + arn.value + "\" is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)";
    return r;
  }
  if (!known_partition(p[1])) {
    error = "unknown partition \"" + p[1] + "\" (aws, aws-cn or aws-us-gov)";
    return r;
  }
  const std::string& service = p[2];
  if (service == "lambda") {
    if (p.size() < 7 || p[5] != "function" || p[6].empty() || p.size() > 8) {
      error = "a Lambda function ARN has the form \"arn:aws:lambda:REGION:ACCOUNT:function:NAME[:ALIAS]\"";
      return r;
    }
    if (!valid_lambda_part(p[6], false)) {
      error = "\"" + p[6] + "\" is not a Lambda function name (letters, digits, - and _)";
      return r;
    }
    if (p.size() == 8 && !valid_lambda_part(p[7], true)) {
      error = "\"" + p[7] + "\" is not a Lambda alias or version (letters, digits, -, _ or $LATEST)";
      return r;
    }
    if (p[3].empty() || p[4].empty())  // accepted by public validators (asl-validator issue 104)
      warning = "a Lambda function ARN usually names its region and account";
    r.kind = ResourceKind::lambda_function;
    r.service = "lambda";
    r.function_name = p[6];
    return r;
  }
  if (service == "states") {
    if (auto e = parse_states_resource(p, r)) {
      r.kind = ResourceKind::unknown;
      error = *e;
    }
    return r;
  }
  if (has_placeholder(service)) return r;
  warning = "Step Functions runs Lambda functions, activities and \"arn:aws:states:::\" integrations, not \"" +
            service + "\" resources";
  return r;
}

bool runs_lambda_function(const Resource& r) {
  return r.kind == ResourceKind::lambda_function || r.service == "lambda";
}

}  // namespace flowcost::model::asl
