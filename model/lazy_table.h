#pragma once
// A lookup table built on its first use and rebuilt by each copy: the one mechanism behind the name indexes
// (asl::StateMachine::find_state, StepFunctionsDesign::find_task and the like). Building is thread-safe
// (std::call_once), so parallel replications may look up concurrently. A copied or moved owner gets an
// empty table of its own, built later from its own lists, never a table that points into the source.
#include <memory>
#include <mutex>

namespace flowcost::model {

template <class Table>
class LazyTable {
 public:
  LazyTable() : slot_(std::make_unique<Slot>()) {}
  LazyTable(const LazyTable&) : LazyTable() {}
  LazyTable(LazyTable&&) noexcept : LazyTable() {}
  LazyTable& operator=(const LazyTable&) {
    slot_ = std::make_unique<Slot>();
    return *this;
  }
  LazyTable& operator=(LazyTable&&) noexcept {
    slot_ = std::make_unique<Slot>();
    return *this;
  }

  // The table, filled by build(Table&) on the first call.
  template <class Build>
  const Table& get(Build&& build) const {
    std::call_once(slot_->built, [&] { build(slot_->table); });
    return slot_->table;
  }

 private:
  struct Slot {
    std::once_flag built;
    Table table;
  };
  std::unique_ptr<Slot> slot_;
};

}  // namespace flowcost::model
