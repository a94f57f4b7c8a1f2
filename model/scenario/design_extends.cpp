#include "model/scenario/design_extends.h"

#include <algorithm>
#include <map>
#include <string>

#include "model/suggest.h"

namespace flowcost::model {

namespace {

constexpr std::size_t kMaxChain = 64;  // bounds the recursion (a fuzzed file may chain thousands)

std::string name_of(const Node& item) {
  const Node* n = item.find("name");
  return n && n->is_scalar() ? n->text : std::string();
}

// Deep merge of `over` into `base` (see the header): mappings key by key, anything else whole, null removes.
void merge_into(Node& base, const Node& over, bool top) {
  for (const auto& m : over.members) {
    if (top && m.key == "extends") continue;
    auto it = std::find_if(base.members.begin(), base.members.end(), [&](const Member& b) { return b.key == m.key; });
    if (m.value.is_null()) {
      if (it != base.members.end()) base.members.erase(it);
      continue;
    }
    if (it == base.members.end()) {
      base.members.push_back(m);
    } else if (it->value.is_mapping() && m.value.is_mapping()) {
      it->key_loc = m.key_loc;
      merge_into(it->value, m.value, false);
      it->value.loc = m.value.loc;
    } else {
      *it = m;
    }
  }
}

class Resolver {
 public:
  Resolver(const std::vector<const Node*>& items, std::deque<Node>& storage, Diagnostics& diags)
      : items_(items), storage_(storage), diags_(diags), state_(items.size(), State::todo), result_(items.size()),
        depth_(items.size(), 0) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string name = name_of(*items[i]);
      if (name.empty()) continue;
      names_.push_back(name);
      index_.emplace(name, i);  // the first of duplicate names (reported by the loader)
    }
  }

  const Node* resolve(std::size_t i) {
    if (state_[i] == State::done) return result_[i];
    const Node& item = *items_[i];
    const Node* ext = item.find("extends");
    if (!ext) return finish(i, &item);
    if (!ext->is_scalar() || ext->text.empty()) {
      diags_.error(ext->loc, "extends must be the name of another design, got " + ext->type_name());
      return finish(i, nullptr);
    }
    auto base = index_.find(ext->text);
    if (base == index_.end()) {
      diags_.error(ext->loc, unknown_name_message("design", ext->text, names_));
      return finish(i, nullptr);
    }
    if (base->second == i || state_[base->second] == State::active) {
      std::string chain;
      for (std::size_t at : stack_) chain += name_of(*items_[at]) + " -> ";
      diags_.error(ext->loc, "extends makes a cycle: " + chain + name_of(item) + " -> " + ext->text);
      return finish(i, nullptr);
    }
    if (stack_.size() >= kMaxChain) {
      diags_.error(ext->loc, "extends chain is longer than " + std::to_string(kMaxChain) + " designs");
      return finish(i, nullptr);
    }
    state_[i] = State::active;
    stack_.push_back(i);
    const Node* resolved_base = resolve(base->second);
    stack_.pop_back();
    if (!resolved_base) return finish(i, nullptr);  // the base's own problem is reported at the base
    // The chain's length, however its designs were resolved (a base resolved earlier does not recurse).
    depth_[i] = depth_[base->second] + 1;
    if (depth_[i] > kMaxChain) {
      diags_.error(ext->loc, "extends chain is longer than " + std::to_string(kMaxChain) + " designs");
      return finish(i, nullptr);
    }
    Node merged = *resolved_base;
    merged.loc = item.loc;
    merged.members.erase(std::remove_if(merged.members.begin(), merged.members.end(),
                                        [](const Member& m) { return m.key == "name"; }),
                         merged.members.end());
    merge_into(merged, item, true);
    storage_.push_back(std::move(merged));
    return finish(i, &storage_.back());
  }

 private:
  enum class State { todo, active, done };

  const Node* finish(std::size_t i, const Node* node) {
    state_[i] = State::done;
    result_[i] = node;
    return node;
  }

  const std::vector<const Node*>& items_;
  std::deque<Node>& storage_;
  Diagnostics& diags_;
  std::vector<State> state_;
  std::vector<const Node*> result_;
  std::vector<std::size_t> depth_;  // designs extended below each resolved one (0: extends nothing)
  std::vector<std::string> names_;
  std::map<std::string, std::size_t> index_;
  std::vector<std::size_t> stack_;
};

}  // namespace

std::vector<const Node*> resolve_design_extends(const std::vector<const Node*>& items, std::deque<Node>& storage,
                                                Diagnostics& diags) {
  Resolver resolver(items, storage, diags);
  std::vector<const Node*> out;
  for (std::size_t i = 0; i < items.size(); ++i) out.push_back(resolver.resolve(i));
  return out;
}

}  // namespace flowcost::model
