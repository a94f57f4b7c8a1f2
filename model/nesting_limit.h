#pragma once
// One nesting limit for the recursive-descent parsers of text inside input files (scenario expressions,
// IoT rule SQL, ASL intrinsic functions, JSONata): a parser recurses once per level, so input nested
// tens of thousands deep would overflow the stack. No real definition comes near these limits; the
// parser reports "... nests deeper than N levels" at the position where the limit was passed.
#include <string>

namespace flowcost::model {

// Expressions, rule SQL and intrinsic functions.
inline constexpr int kMaxExpressionNesting = 100;

// The levels a parser is in. `enter()` is false, and nothing changes, when one more level would pass
// the limit; otherwise it counts the level until the matching `leave()` (or NestingGuard's end).
class NestingDepth {
 public:
  explicit NestingDepth(int limit = kMaxExpressionNesting) : limit_(limit) {}
  bool enter() {
    if (depth_ >= limit_) return false;
    ++depth_;
    return true;
  }
  void leave() { --depth_; }
  int limit() const { return limit_; }
  // "deeper than 100 levels", for the parser's own message.
  std::string deeper_than_text() const { return "deeper than " + std::to_string(limit_) + " levels"; }

 private:
  int limit_;
  int depth_ = 0;
};

// Scoped level: `entered()` tells whether the level was taken (and is released at the end of scope).
class NestingGuard {
 public:
  explicit NestingGuard(NestingDepth& depth) : depth_(depth), entered_(depth.enter()) {}
  ~NestingGuard() {
    if (entered_) depth_.leave();
  }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;
  bool entered() const { return entered_; }

 private:
  NestingDepth& depth_;
  bool entered_;
};

}  // namespace flowcost::model
