#include "model/scenario/iot_topic_filter.h"

namespace flowcost::model {

std::optional<TopicFilterProblem> topic_filter_problem(std::string_view filter) {
  for (std::size_t start = 0;;) {
    const std::size_t slash = filter.find('/', start);
    const std::string_view level = filter.substr(start, slash == std::string_view::npos ? slash : slash - start);
    for (std::size_t k = 0; k < level.size(); ++k) {
      const char c = level[k];
      if ((c == '+' || c == '#') && level.size() != 1)
        return TopicFilterProblem{start + k,
                                  std::string("'") + c + "' in a topic filter must be a whole level (between / and /)"};
      if (c == '#' && slash != std::string_view::npos)
        return TopicFilterProblem{start + k, "'#' must be the last level of a topic filter"};
    }
    if (slash == std::string_view::npos) return std::nullopt;
    start = slash + 1;
  }
}

}  // namespace flowcost::model
