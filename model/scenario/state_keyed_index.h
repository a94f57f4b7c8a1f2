#pragma once
// The position of each behaviour of a design by its state's name (StepFunctionsDesign::find_task and the
// like): a hash map built on the first lookup (thread-safe), so looking every state up is linear in the
// states, not quadratic. A copied or moved design gets a fresh index of its own lists. The lists may gain
// entries before the first lookup (the parser adds them section by section); a list whose size or names
// changed after it was indexed is an internal error, never a silently wrong answer.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/errors.h"
#include "model/lazy_table.h"

namespace flowcost::model {

class StateKeyedIndex {
 public:
  // The first entry of `items` whose `state` is `state`, or nullptr.
  template <class T>
  const T* find(const std::vector<T>& items, std::string_view state) const {
    const Positions& index = positions_.get([&](Positions& built) {
      built.size = items.size();
      for (std::size_t i = 0; i < items.size(); ++i) built.position.emplace(items[i].state, i);
    });
    if (items.size() != index.size)
      throw InternalError("a design's behaviours changed after they were looked up by state");
    const auto it = index.position.find(std::string(state));
    if (it == index.position.end()) return nullptr;
    const T& found = items[it->second];
    if (found.state != state) throw InternalError("a design's behaviours changed after they were looked up by state");
    return &found;
  }

 private:
  struct Positions {
    std::size_t size = 0;
    std::unordered_map<std::string, std::size_t> position;
  };
  LazyTable<Positions> positions_;
};

}  // namespace flowcost::model
