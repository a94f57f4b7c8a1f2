// Map states (docs/sources.md#asl-states Map): ItemProcessor or Iterator with ProcessorConfig, items, ItemSelector,
// concurrency, and the Distributed-only ItemReader, ItemBatcher, ResultWriter, tolerated failures, Label.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/asl/load_context.h"
#include "model/asl/placeholders.h"
#include "model/asl/resource.h"
#include "model/asl/templates.h"

namespace flowcost::model::asl {

namespace {

// The first character of a Map Label that Step Functions forbids (docs/validation-rules.md R15), shown as
// "\" \"" or "U+0009"; nullopt when there is none.
std::optional<std::string> forbidden_label_character(const std::string& label) {
  static const std::string kForbidden = "<>{}[]?*\"#%\\^|~`$&,;:";
  for (std::size_t i = 0; i < label.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(label[i]);
    if (c == ' ') return std::string("a space");
    if (c < 0x20 || c == 0x7f) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", c);
      return std::string(buf);
    }
    if (c == 0xC2 && i + 1 < label.size()) {  // U+0080..U+009F (C1 controls), U+00A0 (no-break space)
      unsigned char d = static_cast<unsigned char>(label[i + 1]);
      if (d >= 0x80 && d <= 0xA0) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", d);
        return std::string(buf);
      }
    }
    if (kForbidden.find(static_cast<char>(c)) != std::string::npos) return "\"" + std::string(1, static_cast<char>(c)) + "\"";
  }
  return std::nullopt;
}

constexpr std::int64_t kMaxCount = 100000000;

// The `arn:PARTITION:states:::s3:ACTION` resource of an ItemReader / ResultWriter, ACTION one of `actions`
// (AWS documents ItemReader's s3:listObjectsV2 and s3:getObject, ResultWriter's s3:putObject); a resource
// that is a placeholder is left to its substitution.
std::optional<Resource> check_io_resource(const FieldReader& r, const std::vector<std::string>& actions,
                                          const std::string& role) {
  auto arn = r.non_empty_string("Resource");
  if (!arn) return std::nullopt;
  std::optional<std::string> why, doubt;
  Resource res = parse_resource(*arn, why, doubt);
  if (!why && doubt) why = doubt;
  bool placeholder = has_placeholder(res.service) || has_placeholder(res.action);
  bool listed = res.kind == ResourceKind::optimized_integration && res.service == "s3" &&
                res.pattern == IntegrationPattern::request_response &&
                std::find(actions.begin(), actions.end(), res.action) != actions.end();
  if (!why && res.kind != ResourceKind::unknown && !placeholder && !listed) {
    std::string list;
    for (std::size_t i = 0; i < actions.size(); ++i)
      list += std::string(i == 0 ? "" : i + 1 == actions.size() ? " or " : ", ") + "\"arn:aws:states:::s3:" +
              actions[i] + "\"";
    why = role + " " + list + ", not " + quoted(arn->value);
  }
  if (why) r.error(arn->loc, "invalid \"Resource\": " + *why);
  return res;
}

void arguments_of(const FieldReader& r, QueryLanguage language) {
  const char* key = language == QueryLanguage::jsonata ? "Arguments" : "Parameters";
  if (const Member* m = r.member(key)) {
    if (!m->value.is_mapping() && !(m->value.is_string() && is_jsonata_text(m->value.text))) r.type_error(*m, "an object");
    else template_field(r, key, language);
  }
}

std::vector<std::string> io_keys(QueryLanguage language, std::initializer_list<const char*> extra) {
  std::vector<std::string> keys = {"Resource", language == QueryLanguage::jsonata ? "Arguments" : "Parameters"};
  for (const char* e : extra) keys.emplace_back(e);
  return keys;
}

void load_item_reader(const FieldReader& state, const Member& m, QueryLanguage language, MapState& out) {
  FieldReader r(m.value, state.prefix() + "\"ItemReader\": ", state.diags());
  if (!m.value.is_mapping()) return state.type_error(m, "an object");
  ItemReaderSpec& spec = out.reader.emplace();
  r.check_keys(io_keys(language, {"ReaderConfig"}));
  if (r.require("Resource")) {
    if (auto res = check_io_resource(r, {"listObjectsV2", "getObject"}, "an ItemReader reads with"))
      spec.resource = *res;
  }
  arguments_of(r, language);
  const Member* cfg = r.member("ReaderConfig");
  if (!cfg) return;
  if (!cfg->value.is_mapping()) return r.type_error(*cfg, "an object");
  FieldReader c(cfg->value, r.prefix(), r.diags());
  std::vector<std::string> keys = {"InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems",
                                   "ManifestType"};
  if (language == QueryLanguage::jsonpath) keys.push_back("MaxItemsPath");
  c.check_keys(keys);
  if (auto t = c.enumeration("InputType", {"CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"})) spec.input_type = t->value;
  auto header = c.enumeration("CSVHeaderLocation", {"FIRST_ROW", "GIVEN"});
  c.enumeration("CSVDelimiter", {"COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"});
  c.enumeration("ManifestType", {"ATHENA_DATA", "S3_INVENTORY"});
  if (const Member* h = c.member("CSVHeaders")) {
    if (!h->value.is_sequence()) c.type_error(*h, "an array of strings");
    for (const auto& item : h->value.items)
      if (!item.is_string()) c.error(item.loc, "CSV header names must be strings, not a " + item.type_name());
  }
  if (header && header->value == "GIVEN" && !c.has("CSVHeaders"))
    c.error(header->loc, "\"CSVHeaderLocation\": \"GIVEN\" needs \"CSVHeaders\"");
  spec.max_items = number_field(c, "MaxItems", "MaxItemsPath", 0, kMaxCount, language);
}

void load_item_batcher(const FieldReader& state, const Member& m, QueryLanguage language, MapState& out) {
  FieldReader r(m.value, state.prefix() + "\"ItemBatcher\": ", state.diags());
  if (!m.value.is_mapping()) return state.type_error(m, "an object");
  ItemBatcherSpec& spec = out.batcher.emplace();
  std::vector<std::string> keys = {"MaxItemsPerBatch", "MaxInputBytesPerBatch", "BatchInput"};
  if (language == QueryLanguage::jsonpath) keys.insert(keys.end(), {"MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath"});
  r.check_keys(keys);
  spec.max_items_per_batch = number_field(r, "MaxItemsPerBatch", "MaxItemsPerBatchPath", 1, kMaxCount, language);
  spec.max_input_bytes_per_batch =
      number_field(r, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", 1, 262144, language);
  bool any_max = false;
  for (const char* k : {"MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"})
    any_max = any_max || r.has(k);
  if (!any_max) r.error(m.value.loc, "needs \"MaxItemsPerBatch\" or \"MaxInputBytesPerBatch\"");
  if (r.has("BatchInput")) template_field(r, "BatchInput", language);
}

void load_result_writer(const FieldReader& state, const Member& m, QueryLanguage language, MapState& out) {
  FieldReader r(m.value, state.prefix() + "\"ResultWriter\": ", state.diags());
  if (!m.value.is_mapping()) return state.type_error(m, "an object");
  ResultWriterSpec& spec = out.writer.emplace();
  r.check_keys(io_keys(language, {"WriterConfig"}));
  if (!r.has("Resource") && !r.has("WriterConfig")) r.error(m.value.loc, "needs \"Resource\" or \"WriterConfig\"");
  if (r.has("Resource")) spec.resource = check_io_resource(r, {"putObject"}, "a ResultWriter writes with");
  // The results go to S3 with both the action and its Bucket / Prefix, or not at all (WriterConfig alone).
  std::string destination = language == QueryLanguage::jsonata ? "Arguments" : "Parameters";
  if (const Member* res = r.member("Resource"); res && !r.has(destination))
    r.error(res->key_loc, "\"Resource\" needs \"" + destination + "\" (the \"Bucket\" and \"Prefix\" to write the results to)");
  if (const Member* dest = r.member(destination); dest && !r.has("Resource"))
    r.error(dest->key_loc, quoted(destination) + " needs \"Resource\": \"arn:aws:states:::s3:putObject\"");
  arguments_of(r, language);
  if (const Member* w = r.member("WriterConfig")) {
    if (!w->value.is_mapping()) return r.type_error(*w, "an object");
    FieldReader c(w->value, r.prefix(), r.diags());
    c.check_keys({"OutputType", "Transformation"});
    if (auto t = c.enumeration("OutputType", {"JSON", "JSONL"})) spec.output_type = t->value;
    if (auto t = c.enumeration("Transformation", {"NONE", "COMPACT", "FLATTEN"})) spec.transformation = t->value;
  }
}

NumberField percentage(const FieldReader& r, QueryLanguage language) {
  NumberField out;
  r.exclusive("ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
  if (const Member* m = r.member("ToleratedFailurePercentage")) {
    out.loc = m->value.loc;
    if (language == QueryLanguage::jsonata && m->value.is_string() && is_jsonata_text(m->value.text))
      out.jsonata = jsonata_string(r, m->value);
    else
      out.literal = r.number("ToleratedFailurePercentage", 0, 100.0);
  } else if (r.has("ToleratedFailurePercentagePath")) {
    out.loc = r.member("ToleratedFailurePercentagePath")->value.loc;
    if (auto p = path_field(r, "ToleratedFailurePercentagePath", PathKind::reference)) out.path = p->value;
  }
  return out;
}

void load_processor(LoadContext& ctx, const FieldReader& r, const State& state, MapState& out) {
  const bool legacy = !r.has("ItemProcessor") && r.has("Iterator");
  if (r.exclusive("ItemProcessor", "Iterator")) return;
  if (!r.has("ItemProcessor") && !r.has("Iterator")) {
    r.error(r.object().loc, "missing required field \"ItemProcessor\"");
    return;
  }
  const Member* m = r.member(legacy ? "Iterator" : "ItemProcessor");
  if (!m->value.is_mapping()) return r.type_error(*m, "an object with \"StartAt\" and \"States\"");
  std::string prefix = "state " + quoted(state.name.value) + ", item processor: ";
  load_scope(ctx, m->value, prefix, ScopeKind::processor, out.processor);
  const Member* cfg = m->value.find_member("ProcessorConfig");
  if (!cfg) return;
  FieldReader p(m->value, prefix, ctx.diags);
  if (!cfg->value.is_mapping()) return p.type_error(*cfg, "an object");
  FieldReader c(cfg->value, prefix, ctx.diags);
  c.check_keys({"Mode", "ExecutionType"});
  auto mode = c.enumeration("Mode", {"INLINE", "DISTRIBUTED"});
  auto type = c.enumeration("ExecutionType", {"STANDARD", "EXPRESS"});
  if (mode && mode->value == "DISTRIBUTED") out.processor.mode = Scope::MapMode::distributed;
  if (type)
    out.processor.execution_type = type->value == "EXPRESS" ? Scope::ExecutionType::express : Scope::ExecutionType::standard;
  if (out.processor.mode == Scope::MapMode::distributed && !c.has("ExecutionType"))
    c.error(cfg->value.loc, "\"Mode\": \"DISTRIBUTED\" needs \"ExecutionType\" (\"STANDARD\" or \"EXPRESS\")");
  if (out.processor.mode == Scope::MapMode::inline_mode && type)
    c.warning(type->loc, "\"ExecutionType\" applies only to \"Mode\": \"DISTRIBUTED\"; it is ignored here");
}

}  // namespace

void load_map(LoadContext& ctx, const FieldReader& r, const State& state, QueryLanguage language, MapState& out) {
  load_processor(ctx, r, state, out);
  if (language == QueryLanguage::jsonpath) {
    out.items_path = path_field(r, "ItemsPath", PathKind::reference);
    r.exclusive("ItemSelector", "Parameters");
    out.item_selector = template_field(r, r.has("ItemSelector") ? "ItemSelector" : "Parameters", language);
    out.result_selector = template_field(r, "ResultSelector", language);
  } else {
    if (const Member* items = r.member("Items")) {
      // An object iterates over its key-value pairs (Developer Guide, "Map state input and output fields":
      // "JSON arrays and objects"; docs/validation-rules.md R11).
      if (!items->value.is_sequence() && !items->value.is_mapping() &&
          !(items->value.is_string() && is_jsonata_text(items->value.text)))
        r.type_error(*items, "an array, an object or a JSONata expression \"{% ... %}\"");
      else out.items = template_field(r, "Items", language);
    }
    out.item_selector = template_field(r, "ItemSelector", language);
  }
  out.max_concurrency = number_field(r, "MaxConcurrency", "MaxConcurrencyPath", 0, kMaxCount, language);
  out.tolerated_failure_count =
      number_field(r, "ToleratedFailureCount", "ToleratedFailureCountPath", 0, kMaxCount, language);
  out.tolerated_failure_percentage = percentage(r, language);
  if (const Member* m = r.member("ItemReader")) {
    load_item_reader(r, *m, language, out);
    out.item_reader = m->value;
  }
  if (const Member* m = r.member("ItemBatcher")) {
    load_item_batcher(r, *m, language, out);
    out.item_batcher = m->value;
  }
  if (const Member* m = r.member("ResultWriter")) {
    load_result_writer(r, *m, language, out);
    out.result_writer = m->value;
  }
  if (auto label = r.non_empty_string("Label")) {
    if (label->value.size() > 40) r.error(label->loc, "\"Label\" must be at most 40 characters");
    if (auto bad = forbidden_label_character(label->value))
      r.error(label->loc, "\"Label\" cannot contain " + *bad +
                              " (Step Functions forbids whitespace, the brackets < > { } [ ], the wildcards ? *, the "
                              "characters \" # % \\ ^ | ~ ` $ & , ; : and control characters)");
    out.label = label;
  }
  if (out.processor.mode == Scope::MapMode::inline_mode) {
    for (const char* k : {"ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailureCount",
                          "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
                          "Label"})
      if (const Member* m = r.member(k))  // unverified on AWS (docs/sources.md#asl-open-questions (8)): a warning
        r.warning(m->key_loc, quoted(k) + " applies only to a Distributed Map; set \"ProcessorConfig\": {\"Mode\": "
                                           "\"DISTRIBUTED\"} in the item processor");
  }
}

}  // namespace flowcost::model::asl
