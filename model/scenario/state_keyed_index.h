#pragma once
// The position of each behaviour of a design by its state's name (StepFunctionsDesign::find_task and the
// like): a hash map built on the first lookup (thread-safe), so looking every state up is linear in the
// states, not quadratic. A copied or moved design gets a fresh index of its own lists. The lists may gain
// entries before the first lookup (the parser adds them section by section); a list whose size or names
// changed after it was indexed is an internal error, never a silently wrong answer.
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/errors.h"

namespace flowcost::model {

class StateKeyedIndex {
 public:
  StateKeyedIndex() : index_(std::make_unique<Index>()) {}
  StateKeyedIndex(const StateKeyedIndex&) : StateKeyedIndex() {}
  StateKeyedIndex(StateKeyedIndex&&) noexcept : StateKeyedIndex() {}
  StateKeyedIndex& operator=(const StateKeyedIndex&) {
    index_ = std::make_unique<Index>();
    return *this;
  }
  StateKeyedIndex& operator=(StateKeyedIndex&&) noexcept {
    index_ = std::make_unique<Index>();
    return *this;
  }

  // The first entry of `items` whose `state` is `state`, or nullptr.
  template <class T>
  const T* find(const std::vector<T>& items, std::string_view state) const {
    std::call_once(index_->built, [&] {
      index_->size = items.size();
      for (std::size_t i = 0; i < items.size(); ++i) index_->position.emplace(items[i].state, i);
    });
    if (items.size() != index_->size)
      throw InternalError("a design's behaviours changed after they were looked up by state");
    const auto it = index_->position.find(std::string(state));
    if (it == index_->position.end()) return nullptr;
    const T& found = items[it->second];
    if (found.state != state) throw InternalError("a design's behaviours changed after they were looked up by state");
    return &found;
  }

 private:
  struct Index {
    std::once_flag built;
    std::size_t size = 0;
    std::unordered_map<std::string, std::size_t> position;
  };
  std::unique_ptr<Index> index_;
};

}  // namespace flowcost::model
