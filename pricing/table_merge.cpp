#include "pricing/table_merge.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

#include "model/document.h"
#include "model/errors.h"
#include "model/source_file.h"
#include "pricing/table_loader.h"
#include "pricing/table_writer.h"

namespace flowcost::pricing {

namespace {

const model::SourceLocation kCommandLine{"flowcost", 0, 0};

bool plain_key(const std::string& key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  });
}

std::string key_text(const std::string& key) { return plain_key(key) ? key : yaml_quote(key); }

// A scalar as it was written: quoted text quoted again, plain text plain (it was a valid plain scalar).
std::string scalar_text(const model::Node& n) {
  if (n.is_null()) return "null";
  return n.quoted ? yaml_quote(n.text) : n.text;
}

bool all_scalars(const model::Node& n) {
  return std::all_of(n.members.begin(), n.members.end(),
                     [](const model::Member& m) { return m.value.is_scalar() || m.value.is_null(); });
}

std::string flow(const model::Node& n) {
  std::string out = "{";
  for (std::size_t i = 0; i < n.members.size(); ++i)
    out += (i ? ", " : "") + key_text(n.members[i].key) + ": " + scalar_text(n.members[i].value);
  return out + "}";
}

// Block YAML of `n` at `indent` spaces; a mapping of scalars inside a list is written in flow style.
void emit(const model::Node& n, int indent, std::ostream& out);

void emit_value(const model::Node& v, int indent, std::ostream& out) {
  if (v.is_mapping() && !v.members.empty()) {
    out << "\n";
    emit(v, indent + 2, out);
  } else if (v.is_sequence() && !v.items.empty()) {
    out << "\n";
    emit(v, indent + 2, out);
  } else if (v.is_mapping()) {
    out << " {}\n";
  } else if (v.is_sequence()) {
    out << " []\n";
  } else {
    out << " " << scalar_text(v) << "\n";
  }
}

void emit(const model::Node& n, int indent, std::ostream& out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  if (n.is_mapping()) {
    for (const auto& m : n.members) {
      out << pad << key_text(m.key) << ":";
      emit_value(m.value, indent, out);
    }
  } else if (n.is_sequence()) {
    for (const auto& item : n.items) {
      if (item.is_mapping() && all_scalars(item)) out << pad << "- " << flow(item) << "\n";
      else if (item.is_mapping() || item.is_sequence()) {
        out << pad << "-\n";
        emit(item, indent + 2, out);
      } else {
        out << pad << "- " << scalar_text(item) << "\n";
      }
    }
  }
}

model::Member* find_member(model::Node& n, const std::string& key) {
  for (auto& m : n.members)
    if (m.key == key) return &m;
  return nullptr;
}

model::Node scalar(const std::string& text, bool quoted) {
  model::Node n;
  n.kind = model::Node::Kind::scalar;
  n.text = text;
  n.quoted = quoted;
  return n;
}

void set_member(model::Node& map, const std::string& key, model::Node value) {
  if (model::Member* m = find_member(map, key)) {
    m->value = std::move(value);
    return;
  }
  model::Member m;
  m.key = key;
  m.value = std::move(value);
  map.members.push_back(std::move(m));
}

void remove_member(model::Node& map, const std::string& key) {
  map.members.erase(std::remove_if(map.members.begin(), map.members.end(),
                                   [&](const model::Member& m) { return m.key == key; }),
                    map.members.end());
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

struct Input {
  std::string path;
  PriceTable table;
  model::Node root;
  std::string sha256;
};

Input read_input(const std::string& name_or_path) {
  Input in;
  in.table = load_price_table(name_or_path);  // throws every error of the table
  in.path = in.table.path;
  const model::SourceFile file = model::read_source_file(in.path);
  in.sha256 = model::sha256_hex(file.text);
  in.root = model::parse_document_or_throw(file);
  return in;
}

}  // namespace

MergeResult merge_price_tables(const std::vector<std::string>& tables, const MergeOptions& options) {
  if (tables.size() < 2)
    throw model::InputError(kCommandLine, "prices merge needs a base table and at least one overlay");
  std::vector<Input> inputs;
  for (const auto& t : tables) inputs.push_back(read_input(t));
  const Input& base = inputs.front();
  model::Diagnostics diags;
  for (std::size_t i = 1; i < inputs.size(); ++i)
    if (lower(inputs[i].table.region) != lower(base.table.region) && !options.force_region)
      diags.error(kCommandLine, "overlay " + inputs[i].path + " is for region " + inputs[i].table.region +
                                    ", the base " + base.path + " for " + base.table.region +
                                    " (use --force to merge tables of different regions)");
  diags.throw_if_errors();

  MergeResult result;
  model::Node merged = base.root;
  model::Member* meters = find_member(merged, "meters");
  std::string effective_date = base.table.effective_date;
  std::string description = "Merged by `flowcost prices merge`: base " + base.table.name + " (" + base.path +
                            ", effective " + base.table.effective_date + ")";
  for (std::size_t i = 1; i < inputs.size(); ++i) {
    const Input& overlay = inputs[i];
    const model::Node* overlay_meters = overlay.root.find("meters");
    std::string list;
    for (const auto& m : overlay_meters->members) {
      set_member(meters->value, m.key, m.value);  // the meter's rate lines whole, with their source
      if (model::Member* gaps = find_member(merged, "gaps")) remove_member(gaps->value, m.key);
      if (model::Member* assumed = find_member(merged, "assumed")) remove_member(assumed->value, m.key);
      list += (list.empty() ? "" : ", ") + m.key;
    }
    if (const model::Node* overlay_gaps = overlay.root.find("gaps")) {
      for (const auto& g : overlay_gaps->members) {
        if (find_member(meters->value, g.key)) continue;  // priced by the base or an earlier overlay
        if (model::Member* assumed = find_member(merged, "assumed"); assumed && find_member(assumed->value, g.key))
          continue;  // the base prices it with a borrowed figure
        if (model::Member* known = find_member(merged, "gaps"); known && find_member(known->value, g.key))
          continue;  // the first table's reason stays
        if (!find_member(merged, "gaps")) {
          model::Node empty;
          empty.kind = model::Node::Kind::mapping;
          set_member(merged, "gaps", std::move(empty));
        }
        set_member(find_member(merged, "gaps")->value, g.key, g.value);
      }
    }
    effective_date = std::max(effective_date, overlay.table.effective_date);
    result.replaced.push_back(overlay.table.name + ": " + list);
    description += "; overlay " + overlay.table.name + " (" + overlay.path + ", effective " +
                   overlay.table.effective_date + ") for " + list;
  }
  if (model::Member* gaps = find_member(merged, "gaps"); gaps && gaps->value.members.empty()) remove_member(merged, "gaps");
  if (model::Member* assumed = find_member(merged, "assumed")) {
    if (assumed->value.members.empty()) {
      remove_member(merged, "assumed");
    } else {
      // A borrowed table named by a path is found from the merged file wherever it is written.
      for (auto& entry : assumed->value.members)
        if (auto b = base.table.assumed.find(entry.key);
            b != base.table.assumed.end() && resolve_price_table_path(b->second.from) == b->second.from)
          set_member(entry.value, "from", scalar(std::filesystem::absolute(b->second.from_path).string(), true));
    }
  }
  set_member(merged, "table", scalar(options.name.empty() ? base.table.name : options.name, true));
  set_member(merged, "effective_date", scalar(effective_date, false));
  set_member(merged, "description", scalar(description + ".", true));

  std::ostringstream out;
  out << "# Merged by `flowcost prices merge` (docs/price-tables.md#merging-tables) from:\n";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    out << "#   " << (i == 0 ? "base    " : "overlay ") << yaml_comment_text(inputs[i].path) << " (table "
        << yaml_comment_text(inputs[i].table.name) << ", region " << yaml_comment_text(inputs[i].table.region)
        << ", effective " << inputs[i].table.effective_date << ", sha256 " << inputs[i].sha256 << ")\n";
    result.inputs.push_back(inputs[i].path);
  }
  if (options.force_region && std::any_of(inputs.begin(), inputs.end(), [&](const Input& in) {
        return lower(in.table.region) != lower(base.table.region);
      }))
    out << "# --force: the overlays' regions differ from the base's; the base's region is kept.\n";
  out << "# Each rate line keeps the source of the table it came from.\n";
  emit(merged, 0, out);
  result.yaml = out.str();
  return result;
}

}  // namespace flowcost::pricing
