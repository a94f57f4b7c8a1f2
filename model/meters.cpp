#include "model/meters.h"

namespace flowcost::model {

const std::vector<MeterInfo>& known_meters() {
  static const std::vector<MeterInfo> meters = {
      {"sfn.standard.transitions", "transitions",
       "every state entered, every retry attempt, one per Distributed Map child started"},
      {"sfn.express.requests", "requests", "every Express execution started"},
      {"sfn.express.gb_seconds", "GB-s", "per execution: duration rounded up to 100 ms x memory rounded up to 64 MB"},
      {"lambda.requests", "requests", "every invocation, including async retries"},
      {"lambda.gb_seconds.x86", "GB-s", "per x86 invocation: (billed INIT + duration) rounded up to 1 ms x memory"},
      {"lambda.gb_seconds.arm64", "GB-s", "per Arm invocation: (billed INIT + duration) rounded up to 1 ms x memory"},
      {"iot.messages", "messages", "per message, in 5 KB units; not for Basic Ingest"},
      {"iot.connection_minutes", "minutes", "device connection time"},
      {"iot.rules_triggered", "rules", "per matching rule"},
      {"iot.actions_executed", "actions", "per action run, error actions included"},
      {"iot.shadow_operations", "operations", "registry and shadow calls"},
      {"dynamodb.write_request_units", "WRU", "1 KB per write unit"},
      {"dynamodb.read_request_units", "RRU", "4 KB per strong read, half for eventual"},
      {"s3.put_requests", "requests", "PUT, COPY, POST, LIST"},
      {"s3.get_requests", "requests", "GET and other reads"},
      {"sqs.requests", "requests", "standard queues, in 64 KB chunks"},
      {"sqs.fifo_requests", "requests", "FIFO queues, in 64 KB chunks"},
      {"sns.publishes", "requests", "in 64 KB chunks"},
      {"kinesis.put_payload_units", "units", "in 25 KB payload units"},
      {"firehose.gb", "GB", "per record rounded up to 5 KB"},
      {"cloudwatch.logs_gb", "GB", "log data ingested"},
      {"cloudwatch.metrics", "requests", "PutMetricData requests"},
      {"rekognition.images", "images", "images processed"},
      {"fargate.vcpu_seconds", "vCPU-s", "AWS Batch / ECS on Fargate"},
      {"fargate.gb_seconds", "GB-s", "AWS Batch / ECS on Fargate"},
      {"http.requests", "requests", "HTTP action / task calls (no AWS charge; counted for reference)"},
      {"eventbridge.events", "events", "custom events put, in 64 KB chunks"},
      {"apigateway.rest_requests", "requests", "REST API requests"},
      {"apigateway.http_requests", "requests", "HTTP API requests, in 512 KB increments"},
      {"s3.storage_gb_months", "GB-months", "S3 Standard storage (a design's fixed monthly quantity)"},
      {"kms.keys", "keys", "KMS keys kept for the month (a design's fixed monthly quantity)"},
  };
  return meters;
}

const MeterInfo* find_meter(std::string_view name) {
  for (const auto& m : known_meters())
    if (m.name == name) return &m;
  return nullptr;
}

std::vector<std::string> known_meter_names() {
  std::vector<std::string> out;
  for (const auto& m : known_meters()) out.emplace_back(m.name);
  return out;
}

}  // namespace flowcost::model
