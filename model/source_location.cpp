#include "model/source_location.h"

#include <mutex>
#include <unordered_set>

namespace flowcost::model {

namespace {

struct Interned {
  std::mutex mutex;
  std::unordered_set<std::string> names;  // node-based: an element never moves
};

Interned& interned() {
  static Interned* table = new Interned;  // never freed: positions may be read until the process ends
  return *table;
}

}  // namespace

FileName::FileName(std::string_view name) {
  if (name.empty()) return;
  Interned& table = interned();
  std::lock_guard<std::mutex> lock(table.mutex);
  name_ = &*table.names.emplace(name).first;
}

const std::string& FileName::str() const {
  static const std::string none;
  return name_ ? *name_ : none;
}

}  // namespace flowcost::model
