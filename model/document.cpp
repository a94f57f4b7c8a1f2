#include "model/document.h"

#include <yaml.h>

#include <algorithm>
#include <map>
#include <new>
#include <set>
#include <string_view>
#include <unordered_map>

#include "model/errors.h"
#include "model/json_surrogates.h"
#include "model/strict_json.h"

namespace flowcost::model {

namespace {

bool is_core_null(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// Bytes of scalar and key text after alias expansion: twice the file-size cap, which no document without
// aliases reaches, so that a few aliases of a long string cannot expand to gigabytes (ParseLimits bounds
// the nodes; this bounds their text).
constexpr std::size_t kMaxExpandedTextBytes = 2 * kMaxInputFileBytes;

// "32 MB" for whole mebibytes (1 MB = 1024 KB = 1,048,576 bytes, as everywhere in flowcost), else bytes.
std::string byte_count_text(std::size_t bytes) {
  constexpr std::size_t kMB = 1024 * 1024;
  if (bytes >= kMB && bytes % kMB == 0) return std::to_string(bytes / kMB) + " MB";
  return std::to_string(bytes) + " bytes";
}

// "!Sub" for a local tag; "" for none ("?" plain, "!" quoted) and for the standard "tag:yaml.org,2002:" ones.
std::string local_tag(const std::string& tag) {
  if (tag.size() < 2 || tag[0] != '!') return {};
  return tag;
}

// A position as libyaml gives it: 0-based line and column (in characters).
struct Mark {
  std::size_t line = 0, column = 0;
};

// Builds the tree from the parser's events. `tag` is the node's tag as written ("!Sub",
// "tag:yaml.org,2002:str" for `!!str`), else "?" for a plain scalar or an untagged collection and "!" for
// an untagged quoted or block scalar; `anchor` is empty when the node has none.
class TreeBuilder {
 public:
  TreeBuilder(const std::string& path, Diagnostics& diags, const ParseLimits& limits, const ColumnShifts& shifts)
      : file_(path), diags_(diags), limits_(limits), shifts_(shifts) {}

  std::optional<Node> result;
  bool failed = false;

  void alias(const Mark& mark, const std::string& anchor) {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      fail(loc(mark), "unknown alias *" + anchor);
      return;
    }
    const Size size = measure(it->second);
    if (node_count_ + size.nodes > limits_.max_nodes) {
      fail(loc(mark), "document expands to more than " + std::to_string(limits_.max_nodes) +
                          " nodes through aliases");
      return;
    }
    if (text_bytes_ + size.text_bytes > kMaxExpandedTextBytes) {
      fail(loc(mark), "document expands to more than " + byte_count_text(kMaxExpandedTextBytes) +
                          " of text through aliases");
      return;
    }
    Node copy = it->second;
    add(std::move(copy), {}, size);
  }

  void scalar(const Mark& mark, const std::string& tag, const std::string& anchor, std::string value) {
    Node n;
    n.loc = loc(mark);
    n.quoted = tag == "!";
    n.tag = local_tag(tag);
    if (!n.quoted && is_core_null(value)) {
      n.kind = Node::Kind::null;
    } else {
      n.kind = Node::Kind::scalar;
      n.text = std::move(value);
    }
    add(std::move(n), anchor);
  }

  void open(Node::Kind kind, const Mark& mark, const std::string& anchor, const std::string& tag) {
    if (failed) return;
    if (stack_.size() >= limits_.max_depth) {
      fail(loc(mark), "nesting is deeper than " + std::to_string(limits_.max_depth) + " levels");
      return;
    }
    Frame f;
    f.node.kind = kind;
    f.node.loc = loc(mark);
    f.node.tag = local_tag(tag);
    f.anchor = anchor;
    stack_.push_back(std::move(f));
  }

  void close() {
    if (failed || stack_.empty()) return;
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (!f.merge_members.empty()) expand_merge_keys(f);
    add(std::move(f.node), f.anchor);
  }

  void fail(const SourceLocation& where, const std::string& message) {
    if (!failed) diags_.error(where, message);
    failed = true;
  }

  // Input files are at most kMaxInputFileBytes, so a line or column fits an int.
  SourceLocation loc(const Mark& m) const {
    return {file_, static_cast<int>(m.line + 1), static_cast<int>(column(m) + 1)};
  }
  // The file's 0-based column of a mark of the text libyaml read (json_surrogates.h).
  std::size_t column(const Mark& m) const { return shifts_.empty() ? m.column : shifts_.original_column(m.line, m.column); }

 private:
  struct Frame {
    Node node;
    std::string anchor;
    std::optional<Member> pending_key;  // mapping: key read, value not yet
    bool pending_merge = false;         // that key is a plain `<<` (a YAML merge key)
    std::unordered_map<std::string_view, std::size_t> index;  // key -> member, once the mapping is large (find_key)
    const Member* indexed_data = nullptr;                      // node.members.data() when `index` was built
    std::vector<std::size_t> merge_members;  // indexes of `<<` members, expanded when the mapping closes
  };

  // What a node adds to the document: nodes (a mapping key counts as one) and bytes of scalar text
  // (keys included), so that an alias bomb is stopped by whichever grows first.
  struct Size {
    std::size_t nodes = 1;
    std::size_t text_bytes = 0;
  };
  static Size measure(const Node& n) {
    Size s{1, n.text.size()};
    for (const auto& i : n.items) {
      Size c = measure(i);
      s.nodes += c.nodes;
      s.text_bytes += c.text_bytes;
    }
    for (const auto& m : n.members) {
      Size c = measure(m.value);
      s.nodes += 1 + c.nodes;
      s.text_bytes += m.key.size() + c.text_bytes;
    }
    return s;
  }

  // YAML merge keys (`<<: *base`, `<<: [*a, *b]`): the members of the merged mappings take the place of the
  // `<<` member, except keys the mapping itself has (they win), and among several mappings the earlier wins.
  // Merged members keep the positions of their own text (the anchored mapping's).
  void expand_merge_keys(Frame& f) {
    std::set<std::string, std::less<>> taken;
    for (std::size_t i = 0; i < f.node.members.size(); ++i)
      if (std::find(f.merge_members.begin(), f.merge_members.end(), i) == f.merge_members.end())
        taken.insert(f.node.members[i].key);
    std::vector<Member> out;
    for (std::size_t i = 0; i < f.node.members.size(); ++i) {
      Member& m = f.node.members[i];
      if (std::find(f.merge_members.begin(), f.merge_members.end(), i) == f.merge_members.end()) {
        out.push_back(std::move(m));
        continue;
      }
      std::vector<Node*> sources;
      if (m.value.is_mapping()) sources.push_back(&m.value);
      if (m.value.is_sequence())
        for (auto& item : m.value.items) sources.push_back(item.is_mapping() ? &item : nullptr);
      if (sources.empty() || std::find(sources.begin(), sources.end(), nullptr) != sources.end()) {
        diags_.error(m.value.loc, "a merge key (<<) takes a mapping or a list of mappings (for example *base or "
                                  "[*a, *b]), got " + m.value.type_name());
        continue;
      }
      for (Node* source : sources)
        for (auto& merged : source->members)
          if (taken.insert(merged.key).second) out.push_back(std::move(merged));
    }
    f.node.members = std::move(out);
  }

  // `counted`: what `n` adds, when it is an alias's copy (its nodes were counted when first built).
  void add(Node n, const std::string& anchor, std::optional<Size> counted = std::nullopt) {
    if (failed) return;
    const Size size = counted ? *counted : Size{1, n.text.size()};
    node_count_ += size.nodes;
    text_bytes_ += size.text_bytes;
    if (node_count_ > limits_.max_nodes) {
      fail(n.loc, "document has more than " + std::to_string(limits_.max_nodes) + " nodes");
      return;
    }
    if (!anchor.empty()) anchors_[anchor] = n;
    if (stack_.empty()) {
      if (!result) result = std::move(n);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == Node::Kind::sequence) {
      top.node.items.push_back(std::move(n));
      return;
    }
    // Mapping: alternate key and value.
    if (!top.pending_key) {
      if (n.kind == Node::Kind::sequence || n.kind == Node::Kind::mapping) {
        diags_.error(n.loc, "mapping keys must be strings");
        top.pending_key = Member{"", n.loc, {}};
        return;
      }
      Member m;
      m.key = n.kind == Node::Kind::null && n.text.empty() && !n.quoted ? std::string() : n.text;
      m.key_loc = n.loc;
      top.pending_merge = n.kind == Node::Kind::scalar && !n.quoted && n.text == "<<";
      top.pending_key = std::move(m);
      return;
    }
    Member m = std::move(*top.pending_key);
    top.pending_key.reset();
    const bool merge = top.pending_merge;
    top.pending_merge = false;
    if (const Member* first = find_key(top, m.key)) {
      diags_.error(m.key_loc, "duplicate key \"" + m.key + "\" (first defined at line " +
                                  std::to_string(first->key_loc.line) + ")");
      return;
    }
    m.value = std::move(n);
    if (merge) top.merge_members.push_back(top.node.members.size());
    top.node.members.push_back(std::move(m));
    index_last_key(top);
  }

  // The member of the mapping being built whose key is `key`, if any: a scan of a small mapping, a look-up
  // in its index once it has kIndexFrom members, so that reading a mapping stays linear in its size.
  static constexpr std::size_t kIndexFrom = 16;
  static const Member* find_key(const Frame& f, std::string_view key) {
    const std::vector<Member>& members = f.node.members;
    if (members.size() < kIndexFrom) {
      for (const Member& m : members)
        if (m.key == key) return &m;
      return nullptr;
    }
    const auto it = f.index.find(key);
    return it == f.index.end() ? nullptr : &members[it->second];
  }
  // After a member was added: index the mapping's keys once it is large. The index views the members'
  // keys, so it is built again when the members vector moves them (a key of up to 15 bytes lives inside
  // its std::string).
  static void index_last_key(Frame& f) {
    const std::vector<Member>& members = f.node.members;
    if (members.size() < kIndexFrom) return;
    if (f.index.size() + 1 == members.size() && f.indexed_data == members.data()) {
      f.index.emplace(members.back().key, members.size() - 1);
      return;
    }
    f.index.clear();
    for (std::size_t i = 0; i < members.size(); ++i) f.index.emplace(members[i].key, i);
    f.indexed_data = members.data();
  }

  const FileName file_;  // interned once: every position copies it
  Diagnostics& diags_;
  ParseLimits limits_;
  const ColumnShifts& shifts_;
  std::vector<Frame> stack_;
  std::map<std::string, Node, std::less<>> anchors_;  // a later anchor of the same name replaces it
  std::size_t node_count_ = 0;
  std::size_t text_bytes_ = 0;
};

// libyaml's parser and event, released on every path.
struct Parser {
  yaml_parser_t p;
  Parser() {
    if (!yaml_parser_initialize(&p)) throw std::bad_alloc();
  }
  ~Parser() { yaml_parser_delete(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event {
  yaml_event_t e{};
  ~Event() { yaml_event_delete(&e); }
};

std::string text_of(const yaml_char_t* s) { return s ? std::string(reinterpret_cast<const char*>(s)) : std::string(); }

Mark mark_of(const yaml_mark_t& m) { return {m.line, m.column}; }

// The position of byte `offset` of `text` (a reader error gives an offset, not a mark).
Mark mark_at(const std::string& text, std::size_t offset) {
  Mark m;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++m.line;
      m.column = 0;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++m.column;
    }
  }
  return m;
}

// "syntax error: <what libyaml found>", with what it was reading when that started elsewhere:
// "syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 1,
// column 4)".
void report_syntax_error(const yaml_parser_t& p, const std::string& text, TreeBuilder& builder) {
  const Mark at = p.error == YAML_READER_ERROR ? mark_at(text, p.problem_offset) : mark_of(p.problem_mark);
  std::string message = "syntax error: " + (p.problem ? std::string(p.problem) : std::string("malformed YAML"));
  if (p.context && p.error != YAML_READER_ERROR) {
    const Mark from = mark_of(p.context_mark);
    message += " (" + std::string(p.context);
    if (from.line != at.line || from.column != at.column)
      message += " that starts at line " + std::to_string(from.line + 1) + ", column " + std::to_string(builder.column(from) + 1);
    message += ")";
  }
  builder.fail(builder.loc(at), message);
}

// The tag as TreeBuilder takes it: as written, else "?" (plain scalar, collection) or "!" (other scalars).
std::string tag_of(const yaml_char_t* tag, bool plain) {
  if (tag) return text_of(tag);
  return plain ? "?" : "!";
}

// Feeds the first document of `text` to `builder`, event by event (libyaml's parser does not recurse, so
// nesting depth is bounded by the builder alone). False when the text is not YAML or the builder failed.
bool read_first_document(const std::string& text, TreeBuilder& builder) {
  Parser parser;
  yaml_parser_set_input_string(&parser.p, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  for (;;) {
    Event ev;
    if (!yaml_parser_parse(&parser.p, &ev.e)) {
      report_syntax_error(parser.p, text, builder);
      return false;
    }
    const Mark mark = mark_of(ev.e.start_mark);
    switch (ev.e.type) {
      case YAML_NO_EVENT:
      case YAML_STREAM_START_EVENT:
      case YAML_DOCUMENT_START_EVENT: break;
      case YAML_DOCUMENT_END_EVENT:
      case YAML_STREAM_END_EVENT: return !builder.failed;
      case YAML_ALIAS_EVENT: builder.alias(mark, text_of(ev.e.data.alias.anchor)); break;
      case YAML_SCALAR_EVENT: {
        const auto& sc = ev.e.data.scalar;
        builder.scalar(mark, tag_of(sc.tag, sc.style == YAML_PLAIN_SCALAR_STYLE), text_of(sc.anchor),
                       std::string(reinterpret_cast<const char*>(sc.value), sc.length));
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        builder.open(Node::Kind::sequence, mark, text_of(ev.e.data.sequence_start.anchor),
                     tag_of(ev.e.data.sequence_start.tag, true));
        break;
      case YAML_MAPPING_START_EVENT:
        builder.open(Node::Kind::mapping, mark, text_of(ev.e.data.mapping_start.anchor),
                     tag_of(ev.e.data.mapping_start.tag, true));
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: builder.close(); break;
    }
    if (builder.failed) return false;
  }
}

}  // namespace

std::optional<Node> parse_document(const SourceFile& file, Diagnostics& diags, const ParseLimits& limits) {
  bool blank = file.text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) {
    diags.error({file.path, 1, 1}, "file is empty");
    return std::nullopt;
  }
  // A file named *.json is strict RFC 8259 JSON, as AWS reads it (model/strict_json.h); the YAML parser alone
  // would accept YAML's relaxations (trailing commas, unquoted keys, comments, single quotes).
  if (is_json_path(file.path) && !check_strict_json(file, diags)) return std::nullopt;
  // JSON's surrogate pairs of escapes, which libyaml refuses, as one escape each (model/json_surrogates.h).
  ColumnShifts shifts;
  const std::string joined = is_json_path(file.path) ? join_surrogate_escapes(file.text, shifts) : std::string();
  TreeBuilder builder(file.path, diags, limits, shifts);
  if (!read_first_document(shifts.empty() ? file.text : joined, builder)) return std::nullopt;
  if (builder.failed) return std::nullopt;
  if (!builder.result) {
    diags.error({file.path, 1, 1}, "file holds no document");
    return std::nullopt;
  }
  return std::move(builder.result);
}

Node parse_document_or_throw(const SourceFile& file, const ParseLimits& limits) {
  Diagnostics diags;
  auto node = parse_document(file, diags, limits);
  diags.throw_if_errors();
  if (!node) throw InternalError("parse_document returned no tree and no error");
  return std::move(*node);
}

}  // namespace flowcost::model
