#pragma once
// The MQTT topic filter of an IoT rule's FROM (docs.aws.amazon.com/iot/latest/developerguide/topics.html
// #topicfilters): levels separated by `/`; the wildcards `+` (one level) and `#` (every level below) each
// fill a whole level, and `#` is the last one.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace flowcost::model {

struct TopicFilterProblem {
  std::size_t offset = 0;  // of the offending character in the filter
  std::string message;
};

// What is wrong with a non-empty `filter`, or std::nullopt when it is a valid filter.
std::optional<TopicFilterProblem> topic_filter_problem(std::string_view filter);

}  // namespace flowcost::model
