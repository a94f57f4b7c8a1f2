// Compiling and evaluating a rule's SQL WHERE condition.
#include <algorithm>

#include "model/errors.h"
#include "sim/iot/plan.h"

namespace flowcost::sim::iot {

namespace {

const std::vector<std::string>* labels_of(const std::string& name, const model::Scenario& sc,
                                          const std::vector<model::IotFieldSpec>& fields) {
  for (const auto& f : fields)
    if (f.name == name) return &f.distribution.labels;
  for (const auto& item : sc.workload.items)
    if (item.name == name) return &item.value.distribution.labels;
  for (const auto& in : sc.inputs)
    if (in.name == name) return &in.value.distribution.labels;
  return nullptr;
}

struct Compiler {
  ValueCompiler& values;
  const model::Scenario& scenario;
  const std::vector<model::IotFieldSpec>& fields;
  Condition out;

  // Sets one operand; `other` is the opposite operand (a string takes its label index from it).
  void operand(const model::SqlOperand& o, const model::SqlOperand& other, bool& is_value, double& constant,
               std::uint32_t& value) {
    using K = model::SqlOperand::Kind;
    if (o.kind == K::number) {
      constant = o.number;
    } else if (o.kind == K::field) {
      // The field as a value of the design (sampled once per message, or read per draw).
      is_value = true;
      value = values.add_name(o.text, o.loc);
    } else {
      const auto* labels = labels_of(other.text, scenario, fields);
      if (!labels) throw model::InternalError("IoT SQL: no string values for \"" + other.text + "\"");
      auto it = std::find(labels->begin(), labels->end(), o.text);
      if (it == labels->end()) throw model::InternalError("IoT SQL: \"" + o.text + "\" is not a value");
      constant = static_cast<double>(it - labels->begin());
    }
  }

  std::uint32_t add(const model::SqlCondition& c) {
    std::uint32_t index = static_cast<std::uint32_t>(out.nodes.size());
    out.nodes.emplace_back();
    ConditionNode node;
    switch (c.kind) {
      case model::SqlCondition::Kind::compare:
        node.kind = ConditionNode::Kind::compare;
        node.op = c.op;
        operand(c.lhs, c.rhs, node.lhs_is_value, node.lhs, node.lhs_value);
        operand(c.rhs, c.lhs, node.rhs_is_value, node.rhs, node.rhs_value);
        break;
      case model::SqlCondition::Kind::all_of: node.kind = ConditionNode::Kind::all_of; break;
      case model::SqlCondition::Kind::any_of: node.kind = ConditionNode::Kind::any_of; break;
      case model::SqlCondition::Kind::negate: node.kind = ConditionNode::Kind::negate; break;
    }
    for (const auto& child : c.children) node.children.push_back(add(child));
    out.nodes[index] = std::move(node);
    return index;
  }
};

}  // namespace

Condition compile_condition(const model::SqlCondition& where, ValueCompiler& values, const model::Scenario& scenario,
                            const std::vector<model::IotFieldSpec>& fields) {
  Compiler c{values, scenario, fields, {}};
  c.add(where);
  return std::move(c.out);
}

bool Condition::evaluate_node(std::uint32_t i, const DrawValues& values) const {
  const ConditionNode& n = nodes[i];
  switch (n.kind) {
    case ConditionNode::Kind::compare: {
      double a = n.lhs_is_value ? values.get(n.lhs_value) : n.lhs;
      double b = n.rhs_is_value ? values.get(n.rhs_value) : n.rhs;
      switch (n.op) {
        case model::SqlCompare::eq: return a == b;
        case model::SqlCompare::ne: return a != b;
        case model::SqlCompare::lt: return a < b;
        case model::SqlCompare::le: return a <= b;
        case model::SqlCompare::gt: return a > b;
        case model::SqlCompare::ge: return a >= b;
      }
      return false;
    }
    case ConditionNode::Kind::all_of:
      for (auto c : n.children)
        if (!evaluate_node(c, values)) return false;
      return true;
    case ConditionNode::Kind::any_of:
      for (auto c : n.children)
        if (evaluate_node(c, values)) return true;
      return false;
    case ConditionNode::Kind::negate: return !evaluate_node(n.children[0], values);
  }
  return false;
}

}  // namespace flowcost::sim::iot
