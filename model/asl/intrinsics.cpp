#include "model/asl/intrinsics.h"

#include <cctype>
#include <cmath>
#include <limits>
#include <variant>

#include "model/asl/jsonpath.h"
#include "model/nesting_limit.h"
#include "model/suggest.h"

namespace flowcost::model::asl {

namespace {

constexpr int kUnlimited = std::numeric_limits<int>::max();

struct Arity {
  const char* name;
  int min_args;
  int max_args;
};

constexpr Arity kFunctions[] = {
    {"States.Format", 1, kUnlimited},   {"States.StringToJson", 1, 1}, {"States.JsonToString", 1, 1},
    {"States.Array", 0, kUnlimited},    {"States.ArrayPartition", 2, 2}, {"States.ArrayContains", 2, 2},
    {"States.ArrayRange", 3, 3},        {"States.ArrayGetItem", 2, 2}, {"States.ArrayLength", 1, 1},
    {"States.ArrayUnique", 1, 1},       {"States.Base64Encode", 1, 1}, {"States.Base64Decode", 1, 1},
    {"States.Hash", 2, 2},              {"States.JsonMerge", 3, 3},    {"States.MathRandom", 2, 3},
    {"States.MathAdd", 2, 2},           {"States.StringSplit", 2, 2},  {"States.UUID", 0, 0},
};

// One parsed argument: a literal or something evaluated at run time (a path or a nested call).
struct Arg {
  enum class Kind { string, number, boolean, null, dynamic } kind = Kind::dynamic;
  std::string text;  // string contents (unescaped) or number text
  double number = 0;
  bool boolean = false;
};

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  std::optional<std::string> run() {
    skip_space();
    Arg a;
    if (auto e = call(a)) return e;
    skip_space();
    if (i_ != s_.size()) return "unexpected text after the closing \")\"";
    return std::nullopt;
  }

 private:
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }

  std::optional<std::string> call(Arg& out) {
    NestingGuard level(depth_);
    if (!level.entered()) return "intrinsic calls nest " + depth_.deeper_than_text();
    return parse_call(out);
  }

  std::optional<std::string> parse_call(Arg& out) {
    std::size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' || s_[i_] == '_'))
      ++i_;
    std::string name(s_.substr(start, i_ - start));
    if (name.empty()) return "expected an intrinsic function such as \"States.Format(...)\"";
    if (i_ >= s_.size() || s_[i_] != '(') return "expected \"(\" after \"" + name + "\"";
    const Arity* fn = nullptr;
    for (const auto& f : kFunctions)
      if (name == f.name) fn = &f;
    if (!fn) return unknown_name_message("intrinsic function", name, intrinsic_names());
    ++i_;
    std::vector<Arg> args;
    skip_space();
    if (i_ < s_.size() && s_[i_] == ')') {
      ++i_;
    } else {
      for (;;) {
        skip_space();
        Arg a;
        if (auto e = argument(a)) return e;
        args.push_back(std::move(a));
        skip_space();
        if (i_ >= s_.size()) return "missing \")\" after the arguments of \"" + name + "\"";
        if (s_[i_] == ',') {
          ++i_;
          continue;
        }
        if (s_[i_] == ')') {
          ++i_;
          break;
        }
        return "expected \",\" or \")\" in the arguments of \"" + name + "\"";
      }
    }
    out = Arg{};
    return check_call(*fn, args);
  }

  std::optional<std::string> argument(Arg& a) {
    if (i_ >= s_.size()) return "missing an argument";
    char c = s_[i_];
    if (c == '\'') return string_literal(a);
    if (c == '$') {
      std::size_t start = i_;
      int depth = 0;
      char quote = 0;
      for (; i_ < s_.size(); ++i_) {
        char d = s_[i_];
        if (quote) {
          if (d == '\\') ++i_;
          else if (d == quote) quote = 0;
          continue;
        }
        if (d == '\'' || d == '"') quote = d;
        else if (d == '[' || d == '(') ++depth;
        else if (d == ']' || (d == ')' && depth > 0)) --depth;
        else if (depth == 0 && (d == ',' || d == ')' || d == ' ')) break;
      }
      std::string_view path = s_.substr(start, i_ - start);
      if (auto e = check_path(path, PathKind::path)) return "argument \"" + std::string(path) + "\": " + *e;
      a.kind = Arg::Kind::dynamic;
      return std::nullopt;
    }
    if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t start = i_;
      ++i_;
      while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' ||
                                s_[i_] == '+' || s_[i_] == '-'))
        ++i_;
      a.kind = Arg::Kind::number;
      a.text = std::string(s_.substr(start, i_ - start));
      char* end = nullptr;
      a.number = std::strtod(a.text.c_str(), &end);
      if (end != a.text.c_str() + a.text.size()) return "\"" + a.text + "\" is not a number";
      return std::nullopt;
    }
    for (const char* word : {"true", "false", "null"}) {
      std::string_view w(word);
      if (s_.substr(i_, w.size()) == w &&
          (i_ + w.size() >= s_.size() || !std::isalnum(static_cast<unsigned char>(s_[i_ + w.size()])))) {
        i_ += w.size();
        a.kind = w == "null" ? Arg::Kind::null : Arg::Kind::boolean;
        a.boolean = w == "true";
        return std::nullopt;
      }
    }
    if (std::isalpha(static_cast<unsigned char>(c))) return call(a);
    return "unexpected \"" + std::string(1, c) + "\" in the arguments";
  }

  std::optional<std::string> string_literal(Arg& a) {
    ++i_;
    a.kind = Arg::Kind::string;
    for (; i_ < s_.size(); ++i_) {
      char c = s_[i_];
      if (c == '\\') {
        if (i_ + 1 >= s_.size()) break;
        char n = s_[++i_];
        // docs/validation-rules.md W18: AWS documents only these four; what it does with another is not
        // documented, and public definitions write "\\n", so it is a warning and the text is kept as written.
        if (n != '\'' && n != '{' && n != '}' && n != '\\' && !warning_)
          warning_ = "\"\\" + std::string(1, n) +
                     "\" in a string is not one of the escapes Step Functions documents for intrinsic functions "
                     "(\\', \\{, \\} and \\\\); flowcost keeps the backslash and the character as written";
        a.text += '\\';  // keep escapes visible so that States.Format counts only real placeholders
        a.text += n;
        continue;
      }
      if (c == '\'') {
        ++i_;
        return std::nullopt;
      }
      a.text += c;
    }
    return "unterminated string (a quote inside a string is written \\')";
  }

  static std::optional<std::string> need_integer(const std::string& fn, const Arg& a, int index) {
    bool ok = a.kind == Arg::Kind::dynamic ||
              (a.kind == Arg::Kind::number && std::isfinite(a.number) && a.number == std::floor(a.number));
    if (ok) return std::nullopt;
    return "\"" + fn + "\" argument " + std::to_string(index) + " must be an integer";
  }

  static std::optional<std::string> check_call(const Arity& fn, const std::vector<Arg>& args) {
    std::string name = fn.name;
    int n = static_cast<int>(args.size());
    if (n < fn.min_args || n > fn.max_args) {
      std::string expect = fn.min_args == fn.max_args ? std::to_string(fn.min_args)
                           : fn.max_args == kUnlimited ? "at least " + std::to_string(fn.min_args)
                                                       : std::to_string(fn.min_args) + " or " +
                                                             std::to_string(fn.max_args);
      bool singular = fn.max_args == 1 || (fn.max_args == kUnlimited && fn.min_args == 1);
      return "\"" + name + "\" takes " + expect + " argument" + (singular ? "" : "s") + ", not " +
             std::to_string(n);
    }
    if (name == "States.Format" && args[0].kind == Arg::Kind::string) {
      const std::string& t = args[0].text;
      int holes = 0;
      for (std::size_t k = 0; k + 1 < t.size(); ++k) {
        if (t[k] == '\\') {
          ++k;
          continue;
        }
        if (t[k] == '{' && t[k + 1] == '}') ++holes;
      }
      if (holes != n - 1)
        return "\"States.Format\" template has " + std::to_string(holes) + " placeholder" +
               (holes == 1 ? "" : "s") + " but " + std::to_string(n - 1) + " value" + (n - 1 == 1 ? "" : "s");
    }
    if (name == "States.MathAdd" || name == "States.MathRandom" || name == "States.ArrayRange") {
      for (int k = 0; k < n; ++k)
        if (auto e = need_integer(name, args[k], k + 1)) return e;
    }
    if (name == "States.ArrayRange" && args[2].kind == Arg::Kind::number && args[2].number == 0)
      return "\"States.ArrayRange\" step must not be 0";
    if (name == "States.ArrayPartition") {
      if (auto e = need_integer(name, args[1], 2)) return e;
      if (args[1].kind == Arg::Kind::number && args[1].number <= 0)
        return "\"States.ArrayPartition\" chunk size must be positive";
    }
    if (name == "States.Hash" && args[1].kind == Arg::Kind::string) {
      const std::string& alg = args[1].text;
      if (alg != "MD5" && alg != "SHA-1" && alg != "SHA-256" && alg != "SHA-384" && alg != "SHA-512")
        return "\"States.Hash\" algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, not \"" + alg + "\"";
    }
    if (name == "States.JsonMerge" && args[2].kind == Arg::Kind::boolean && args[2].boolean)
      return "\"States.JsonMerge\" supports only shallow merging: the third argument must be false";
    return std::nullopt;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  NestingDepth depth_;

 public:
  std::optional<std::string> warning_;  // the first escape outside the documented four
};

}  // namespace

const std::vector<std::string>& intrinsic_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& f : kFunctions) v.emplace_back(f.name);
    return v;
  }();
  return names;
}

std::optional<std::string> check_intrinsic(std::string_view text, std::optional<std::string>* warning) {
  Parser p(text);
  auto error = p.run();
  if (warning && !error) *warning = p.warning_;
  return error;
}

}  // namespace flowcost::model::asl
