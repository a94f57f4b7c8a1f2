#include "pricing/usage_types.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace flowcost::pricing {

namespace {

struct Mapping {
  const char* offer_code;  // "" matches any offer
  const char* usage_type;  // without region prefix
  std::vector<std::string> meters;
  const char* free_pool;   // shared pool for a Global- free tier over several meters
  double per = 1;          // meter units in one unit of the offer (3600 vCPU-s in a vCPU-hour)
};

// The one mapping table of `prices import`: AWS offer code and usage type (without region prefix) to the
// flowcost meter, with the source of each name in docs/sources.md#price-list-service-usage-types (and
// #price-list-usage-types, #sfn-price-list-ids, #lambda-prices). Usage types not listed are reported as unmapped.
const std::vector<Mapping>& mappings() {
  static const std::vector<Mapping> table = {
      {"AmazonStates", "StateTransition", {"sfn.standard.transitions"}, ""},
      {"AmazonStates", "StepFunctions-Request", {"sfn.express.requests"}, ""},
      {"AmazonStates", "StepFunctions-GB-Second", {"sfn.express.gb_seconds"}, ""},
      {"AWSLambda", "Request", {"lambda.requests"}, ""},
      {"AWSLambda", "Request-ARM", {"lambda.requests"}, ""},
      {"AWSLambda", "Lambda-GB-Second", {"lambda.gb_seconds.x86"}, ""},
      {"AWSLambda", "Lambda-GB-Second-ARM", {"lambda.gb_seconds.arm64"}, ""},
      {"AmazonDynamoDB", "WriteRequestUnits", {"dynamodb.write_request_units"}, ""},
      {"AmazonDynamoDB", "ReadRequestUnits", {"dynamodb.read_request_units"}, ""},
      {"AmazonS3", "Requests-Tier1", {"s3.put_requests"}, ""},
      {"AmazonS3", "Requests-Tier2", {"s3.get_requests"}, ""},
      {"AmazonS3", "TimedStorage-ByteHrs", {"s3.storage_gb_months"}, ""},
      {"AWSQueueService", "Requests-RBP", {"sqs.requests"}, ""},
      {"AWSQueueService", "Requests-Tier1", {"sqs.requests"}, ""},
      {"AWSQueueService", "Requests-FIFO-Tier1", {"sqs.fifo_requests"}, ""},
      {"AmazonSNS", "Requests-Tier1", {"sns.publishes"}, ""},
      {"AmazonKinesis", "PutRequestPayloadUnits", {"kinesis.put_payload_units"}, ""},
      {"AmazonCloudWatch", "DataProcessing-Bytes", {"cloudwatch.logs_gb"}, ""},
      {"AmazonCloudWatch", "CW:Requests", {"cloudwatch.metrics"}, ""},
      {"AmazonApiGateway", "ApiGatewayRequest", {"apigateway.rest_requests"}, ""},
      {"AmazonApiGateway", "ApiGatewayHttpRequest", {"apigateway.http_requests"}, ""},
      {"AWSEvents", "Event-64K-Chunks", {"eventbridge.events"}, ""},
      {"AWSIoT", "ConnectionMinutes", {"iot.connection_minutes"}, ""},
      {"AWSIoT", "Messages", {"iot.messages"}, ""},
      {"AWSIoT", "RegistryAndShadowOperations", {"iot.shadow_operations"}, ""},
      {"AmazonKinesisFirehose", "BilledBytes", {"firehose.gb"}, ""},
      {"awskms", "KMS-Keys", {"kms.keys"}, ""},
      {"AmazonECS", "Fargate-vCPU-Hours:perCPU", {"fargate.vcpu_seconds"}, "", 3600},
      {"AmazonECS", "Fargate-GB-Hours", {"fargate.gb_seconds"}, "", 3600},
  };
  return table;
}

// Global free-tier rows: Global-<usage type> (docs/sources.md#price-list-usage-types "Global-Request,
// Global-Lambda-GB-Second"; SQS "Global-Requests", #regional-prices IRL-SNAP).
const std::vector<Mapping>& global_mappings() {
  static const std::vector<Mapping> table = {
      {"AWSLambda", "Request", {"lambda.requests"}, ""},
      {"AWSLambda", "Lambda-GB-Second", {"lambda.gb_seconds.x86", "lambda.gb_seconds.arm64"}, "lambda-gb-seconds"},
      {"AmazonStates", "StateTransition", {"sfn.standard.transitions"}, ""},
      {"AWSQueueService", "Requests", {"sqs.requests", "sqs.fifo_requests"}, "sqs-requests"},
  };
  return table;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

const Mapping* find(const std::vector<Mapping>& table, const std::string& offer_code, std::string_view usage) {
  for (const auto& m : table) {
    if (!iequals(usage, m.usage_type)) continue;
    if (offer_code.empty() || *m.offer_code == '\0' || iequals(offer_code, m.offer_code)) return &m;
  }
  return nullptr;
}

// A region code used as a prefix ("ap-northeast-1-KMS-Keys": the KMS offer writes the region code itself).
const std::regex& region_code_pattern() {
  static const std::regex pattern("^([a-z]{2}(-gov)?-[a-z]+-[0-9]+)(-.*)?$", std::regex::icase);
  return pattern;
}

bool is_prefix_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

}  // namespace

std::string region_prefix(const std::string& usage_type) {
  std::smatch code;
  if (std::regex_match(usage_type, code, region_code_pattern()) && code[3].matched) {
    const std::string rest = usage_type.substr(code[1].length() + 1);
    if (find(mappings(), "", rest)) return code[1].str();
  }
  auto dash = usage_type.find('-');
  if (dash == std::string::npos) return "";
  std::string_view head(usage_type.data(), dash);
  std::string_view rest(usage_type.data() + dash + 1, usage_type.size() - dash - 1);
  if (!is_prefix_token(head)) return "";
  if (find(mappings(), "", usage_type)) return "";  // the whole name is a usage type ("Request-ARM")
  if (find(mappings(), "", rest) || find(global_mappings(), "", rest)) return std::string(head);
  return "";
}

std::string region_of_prefix(const std::string& prefix) {
  static const std::vector<std::pair<const char*, const char*>> known = {
      {"", "us-east-1"},   {"USE1", "us-east-1"},      {"USE2", "us-east-2"}, {"EU", "eu-west-1"},
      {"EUW2", "eu-west-2"}, {"APN1", "ap-northeast-1"}, {"SAE1", "sa-east-1"},
      {"USW1", "us-west-1"}, {"USW2", "us-west-2"},  // same pattern, not in the reference [I]
      {"EUW1", "eu-west-1"}, {"EUC1", "eu-central-1"},  // #price-list-service-usage-types (newer offers)
  };
  for (const auto& [p, region] : known)
    if (iequals(prefix, p)) return region;
  if (std::regex_match(prefix, region_code_pattern())) {  // the region code itself
    std::string region = prefix;
    std::transform(region.begin(), region.end(), region.begin(), [](unsigned char c) { return std::tolower(c); });
    return region;
  }
  return "";
}

std::optional<UsageTypeMatch> match_usage_type(const std::string& offer_code, const std::string& usage_type) {
  if (const Mapping* m = find(mappings(), offer_code, usage_type))
    return UsageTypeMatch{m->meters, m->usage_type, "", false, "", m->per};
  std::string prefix = region_prefix(usage_type);
  if (prefix.empty()) return std::nullopt;
  std::string rest = usage_type.substr(prefix.size() + 1);
  if (iequals(prefix, "global")) {
    if (const Mapping* m = find(global_mappings(), offer_code, rest))
      return UsageTypeMatch{m->meters, m->usage_type, prefix, true, m->free_pool, m->per};
    return std::nullopt;
  }
  if (const Mapping* m = find(mappings(), offer_code, rest))
    return UsageTypeMatch{m->meters, m->usage_type, prefix, false, "", m->per};
  return std::nullopt;
}

}  // namespace flowcost::pricing
