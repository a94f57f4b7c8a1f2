#pragma once
// Mapping AWS Price List usage types to flowcost meters (docs/sources.md#price-list-usage-types): case-insensitive,
// with or without a region prefix ("USE1-", "EU-", "EUW2-", "APN1-" ...). "Global-" rows are the
// account-wide free tiers (Lambda's Global-Request and Global-Lambda-GB-Second).
#include <optional>
#include <string>
#include <vector>

namespace flowcost::pricing {

struct UsageTypeMatch {
  std::vector<std::string> meters;  // usually one; a Global- free tier may cover several (Lambda GB-s)
  std::string base;                 // the usage type without prefix, as in the mapping ("Lambda-GB-Second")
  std::string prefix;               // "USE1", "EU", "Global", or empty
  bool free_tier_row = false;       // a Global- row: its $0 band is a free-tier allowance
  std::string shared_pool;          // for a free tier covering several meters
  double per = 1;                   // meter units in one unit of the offer (3600 for an hourly Fargate rate)
};

// The meters that `usage_type` of offer `offer_code` prices, or empty when flowcost has no meter for it.
std::optional<UsageTypeMatch> match_usage_type(const std::string& offer_code, const std::string& usage_type);

// "USE1-StateTransition" -> "USE1"; "Requests-Tier1" -> "" (a prefix is one token of letters and digits
// before the first '-', or a region code such as "ap-northeast-1" as the KMS offer writes it, and only when
// the rest is a known usage type).
std::string region_prefix(const std::string& usage_type);

// The region whose usage types carry `prefix` ("" and "USE1" -> us-east-1, "EU" -> eu-west-1, "EUW2" ->
// eu-west-2, "USE2", "APN1", "SAE1": docs/sources.md#sfn-price-list-ids, #price-list-csv, #price-list-usage-types;
// "USW1", "USW2" by the same
// pattern; "EUW1" -> eu-west-1 and "EUC1" -> eu-central-1 in newer offers such as Firehose and EventBridge:
// #price-list-service-usage-types; a region code such as "ap-northeast-1" -> itself); empty when not known.
std::string region_of_prefix(const std::string& prefix);

}  // namespace flowcost::pricing
