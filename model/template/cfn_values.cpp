#include "model/template/cfn_values.h"

#include <array>
#include <vector>

namespace flowcost::model::templates {

namespace {

constexpr std::array<std::string_view, 7> kPseudoParameters = {
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
    "AWS::Region",    "AWS::StackId",          "AWS::StackName"};

// The resource's name as CloudFormation creates it: its name property when the template gives it as a
// plain string, else its logical ID (CloudFormation generates a name from it).
std::string resource_name(const Node& resource, std::string_view id, std::string_view property) {
  if (const Node* props = resource.find("Properties"))
    if (const Node* n = props->find(property); n && n->is_scalar() && n->tag.empty()) return n->text;
  return std::string(id);
}

std::string arn(std::string_view service, std::string_view rest, bool regional = true) {
  return "arn:${AWS::Partition}:" + std::string(service) + ":" + (regional ? "${AWS::Region}" : "") + ":" +
         (service == "s3" ? "" : "${AWS::AccountId}") + ":" + std::string(rest);
}

// `Ref` (attr "") and `Fn::GetAtt` of the resource types a state machine calls; nullopt when not modelled.
std::optional<std::string> resource_value(const Node& resource, std::string_view id, std::string_view attr) {
  const Node* type_node = resource.find("Type");
  std::string type = type_node && type_node->is_scalar() ? type_node->text : "";
  if (type == "AWS::Lambda::Function" || type == "AWS::Serverless::Function") {
    std::string name = resource_name(resource, id, "FunctionName");
    if (attr.empty()) return name;
    if (attr == "Arn") return arn("lambda", "function:" + name);
  } else if (type == "AWS::StepFunctions::StateMachine" || type == "AWS::Serverless::StateMachine") {
    std::string name = resource_name(resource, id, type == "AWS::Serverless::StateMachine" ? "Name" : "StateMachineName");
    if (attr.empty() || attr == "Arn") return arn("states", "stateMachine:" + name);
    if (attr == "Name") return name;
  } else if (type == "AWS::SQS::Queue") {
    std::string name = resource_name(resource, id, "QueueName");
    if (attr.empty() || attr == "QueueUrl") return "https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/" + name;
    if (attr == "Arn") return arn("sqs", name);
    if (attr == "QueueName") return name;
  } else if (type == "AWS::SNS::Topic") {
    std::string name = resource_name(resource, id, "TopicName");
    if (attr.empty() || attr == "TopicArn") return arn("sns", name);
    if (attr == "TopicName") return name;
  } else if (type == "AWS::DynamoDB::Table" || type == "AWS::Serverless::SimpleTable") {
    std::string name = resource_name(resource, id, "TableName");
    if (attr.empty()) return name;
    if (attr == "Arn") return arn("dynamodb", "table/" + name);
  } else if (type == "AWS::S3::Bucket") {
    std::string name = resource_name(resource, id, "BucketName");
    if (attr.empty()) return name;
    if (attr == "Arn") return arn("s3", name, false);
  } else if (type == "AWS::Events::EventBus") {
    std::string name = resource_name(resource, id, "Name");
    if (attr.empty() || attr == "Name") return name;
    if (attr == "Arn") return arn("events", "event-bus/" + name);
  } else if (type == "AWS::Kinesis::Stream") {
    std::string name = resource_name(resource, id, "Name");
    if (attr.empty()) return name;
    if (attr == "Arn") return arn("kinesis", "stream/" + name);
  } else if (type == "AWS::KinesisFirehose::DeliveryStream") {
    std::string name = resource_name(resource, id, "DeliveryStreamName");
    if (attr.empty()) return name;
    if (attr == "Arn") return arn("firehose", "deliverystream/" + name);
  }
  return std::nullopt;
}

std::string placeholder(std::string_view name) { return "${" + std::string(name) + "}"; }

class Resolver {
 public:
  Resolver(const Template& t, Unresolved& unresolved, Diagnostics& diags)
      : t_(t), unresolved_(unresolved), diags_(diags) {}

  std::optional<MappedText> text(const Node& value) {
    MappedText out;
    out.file = t_.file.path;
    if (auto call = intrinsic(value)) {
      if (!call_text(*call, value.loc, out)) return std::nullopt;
      return out;
    }
    if (!value.is_scalar()) {
      diags_.error(value.loc, "expected a string or an intrinsic function (Ref, Fn::GetAtt, Fn::Sub, Fn::Join), "
                              "not " + a_type(value));
      return std::nullopt;
    }
    return scalar_text(value, t_.file.path, t_.lines);
  }

 private:
  static std::string a_type(const Node& n) {
    std::string t = n.type_name();
    return (t == "array" || t == "object" ? "an " : "a ") + t;
  }

  void deploy_time(MappedText& out, const std::string& name, const std::string& why, const SourceLocation& at) {
    unresolved_.emplace(name, why);
    out.append(placeholder(name), at);
  }

  // `Ref NAME` or `Fn::GetAtt ID.ATTR` (attr non-empty).
  bool reference(const std::string& id, const std::string& attr, const SourceLocation& at, MappedText& out,
                 std::string_view how) {
    if (attr.empty() && is_pseudo_parameter(id)) {
      out.append(placeholder(id), at);
      return true;
    }
    if (attr.empty()) {
      if (const Node* p = t_.parameter(id)) {
        const Node* def = p->find("Default");
        if (def && def->is_scalar()) {
          out.append(def->text, at);
          return true;
        }
        deploy_time(out, id, "parameter \"" + id + "\" has no Default, so its value is known only at deployment",
                    at);
        return true;
      }
    }
    const Node* resource = t_.resource(id);
    if (!resource) {
      diags_.error(at, std::string(how) + " names \"" + id +
                           "\", which is not a parameter or resource of this template (CloudFormation rejects "
                           "the template)");
      return false;
    }
    if (auto v = resource_value(*resource, id, attr)) {
      out.append(*v, at);
      return true;
    }
    std::string name = attr.empty() ? id : id + "." + attr;
    const Node* type = resource->find("Type");
    deploy_time(out, name, (attr.empty() ? "Ref of " : "Fn::GetAtt " + name + " of ") +
                               (type && type->is_scalar() ? "a resource of type " + type->text : std::string("a resource")) +
                               " is not modelled by flowcost",
                at);
    return true;
  }

  bool get_att(const Node& arg, const SourceLocation& at, MappedText& out) {
    std::string id, attr;
    if (arg.is_scalar() && arg.tag.empty()) {
      std::size_t dot = arg.text.find('.');
      if (dot == std::string::npos || dot == 0 || dot + 1 == arg.text.size()) {
        diags_.error(arg.loc, "Fn::GetAtt takes \"LogicalId.Attribute\", not \"" + arg.text + "\"");
        return false;
      }
      id = arg.text.substr(0, dot);
      attr = arg.text.substr(dot + 1);
    } else if (arg.is_sequence() && arg.items.size() == 2 && arg.items[0].is_scalar() && arg.items[1].is_scalar()) {
      id = arg.items[0].text;
      attr = arg.items[1].text;
    } else {
      diags_.error(arg.loc, "Fn::GetAtt takes \"LogicalId.Attribute\" or [LogicalId, Attribute]");
      return false;
    }
    return reference(id, attr, at, out, "Fn::GetAtt");
  }

  bool join(const Node& arg, MappedText& out) {
    if (!arg.is_sequence() || arg.items.size() != 2 || !arg.items[0].is_scalar()) {
      diags_.error(arg.loc, "Fn::Join takes [delimiter, [values...]]");
      return false;
    }
    const Node& list = arg.items[1];
    if (!list.is_sequence()) {
      if (auto call = intrinsic(list)) {
        deploy_time(out, call->name, call->name + " inside Fn::Join is not evaluated by flowcost", list.loc);
        return true;
      }
      diags_.error(list.loc, "Fn::Join takes [delimiter, [values...]]: the second element must be a list");
      return false;
    }
    bool first = true;
    for (const auto& item : list.items) {
      if (!first) out.append(arg.items[0].text, arg.items[0].loc);
      first = false;
      auto piece = text(item);
      if (!piece) return false;
      out.append(*piece);
    }
    return true;
  }

  bool sub(const Node& arg, MappedText& out) {
    const Node* body = &arg;
    const Node* variables = nullptr;
    if (arg.is_sequence()) {
      if (arg.items.size() != 2 || !arg.items[1].is_mapping()) {
        diags_.error(arg.loc, "Fn::Sub takes a string or [string, {name: value, ...}]");
        return false;
      }
      body = &arg.items[0];
      variables = &arg.items[1];
    }
    if (!body->is_scalar()) {
      diags_.error(body->loc, "Fn::Sub's text must be a string");
      return false;
    }
    MappedText source = scalar_text(*body, t_.file.path, t_.lines);
    const std::string& s = source.text;
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t open = s.find("${", i);
      if (open == std::string::npos) break;
      std::size_t close = s.find('}', open + 2);
      if (close == std::string::npos) break;  // no variable: CloudFormation copies the rest as it is
      append_range(out, source, i, open);
      std::string name = s.substr(open + 2, close - open - 2);
      SourceLocation at{source.file, source.origin[open].line, source.origin[open].column};
      if (!name.empty() && name[0] == '!') {
        out.append("${" + name.substr(1) + "}", at);  // ${!Literal} is the literal ${Literal}
      } else if (!sub_variable(name, variables, at, out)) {
        return false;
      }
      i = close + 1;
    }
    append_range(out, source, i, s.size());
    return true;
  }

  static void append_range(MappedText& out, const MappedText& from, std::size_t begin, std::size_t end) {
    out.text.append(from.text, begin, end - begin);
    out.origin.insert(out.origin.end(), from.origin.begin() + static_cast<std::ptrdiff_t>(begin),
                      from.origin.begin() + static_cast<std::ptrdiff_t>(end));
  }

  bool sub_variable(const std::string& name, const Node* variables, const SourceLocation& at, MappedText& out) {
    if (variables) {
      if (const Node* v = variables->find(name)) {
        auto value = text(*v);
        if (!value) return false;
        for (auto& o : value->origin) o = {at.line, at.column};
        out.append(*value);
        return true;
      }
    }
    std::size_t dot = name.find('.');
    if (dot != std::string::npos && !is_pseudo_parameter(name))
      return reference(name.substr(0, dot), name.substr(dot + 1), at, out, "Fn::Sub variable \"${" + name + "}\"");
    return reference(name, "", at, out, "Fn::Sub variable \"${" + name + "}\"");
  }

  bool call_text(const Intrinsic& call, const SourceLocation& at, MappedText& out) {
    const Node& arg = call.argument;
    if (call.name == "Ref") {
      if (!arg.is_scalar()) {
        diags_.error(arg.loc, "Ref takes the name of a parameter or resource");
        return false;
      }
      return reference(arg.text, "", at, out, "Ref");
    }
    if (call.name == "Fn::GetAtt") return get_att(arg, at, out);
    if (call.name == "Fn::Join") return join(arg, out);
    if (call.name == "Fn::Sub") return sub(arg, out);
    deploy_time(out, call.name, call.name + " is evaluated at deployment; flowcost does not evaluate it", at);
    return true;
  }

  const Template& t_;
  Unresolved& unresolved_;
  Diagnostics& diags_;
};

}  // namespace

const Node* Template::resource(std::string_view logical_id) const {
  const Node* resources = root.find("Resources");
  return resources ? resources->find(logical_id) : nullptr;
}

const Node* Template::parameter(std::string_view name) const {
  const Node* parameters = root.find("Parameters");
  return parameters ? parameters->find(name) : nullptr;
}

std::optional<Intrinsic> intrinsic(const Node& n) {
  if (!n.tag.empty()) {
    std::string name = n.tag.substr(1);
    Intrinsic call;
    call.name = name == "Ref" || name == "Condition" ? name : "Fn::" + name;
    call.argument = n;
    call.argument.tag.clear();
    return call;
  }
  if (!n.is_mapping() || n.members.size() != 1) return std::nullopt;
  const std::string& key = n.members[0].key;
  if (key != "Ref" && key.rfind("Fn::", 0) != 0) return std::nullopt;
  return Intrinsic{key, n.members[0].value};
}

std::optional<MappedText> resolve_text(const Template& t, const Node& value, Unresolved& unresolved,
                                       Diagnostics& diags) {
  return Resolver(t, unresolved, diags).text(value);
}

bool is_pseudo_parameter(std::string_view name) {
  for (auto p : kPseudoParameters)
    if (p == name) return true;
  return name == "AWS::URLSuffix";
}

}  // namespace flowcost::model::templates
