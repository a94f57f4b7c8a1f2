#pragma once
// A position in an input file: 1-based line and column; 0 means unknown.
#include <compare>
#include <string>
#include <string_view>

namespace flowcost::model {

// The name of a file as positions carry it: interned once per process (model/source_location.cpp), so
// that copying a position copies a pointer. A parsed document has a position for every node and key, and
// copying a name of 40 bytes or more would allocate each time.
class FileName {
 public:
  FileName() = default;
  FileName(std::string_view name);  // NOLINT: implicit, as the std::string it replaces
  FileName(const std::string& name) : FileName(std::string_view(name)) {}  // NOLINT
  FileName(const char* name) : FileName(std::string_view(name)) {}         // NOLINT

  const std::string& str() const;
  operator const std::string&() const { return str(); }  // NOLINT: reads as the std::string it replaces
  bool empty() const { return name_ == nullptr; }

  // Equal names are the same interned string.
  friend bool operator==(const FileName& a, const FileName& b) { return a.name_ == b.name_; }
  friend std::strong_ordering operator<=>(const FileName& a, const FileName& b) { return a.str() <=> b.str(); }

 private:
  const std::string* name_ = nullptr;  // nullptr: no name
};

inline std::string operator+(const FileName& a, const std::string& b) { return a.str() + b; }
inline std::string operator+(const FileName& a, const char* b) { return a.str() + b; }
inline std::string operator+(const std::string& a, const FileName& b) { return a + b.str(); }
inline std::string operator+(const char* a, const FileName& b) { return a + b.str(); }

struct SourceLocation {
  FileName file;
  int line = 0;
  int column = 0;

  bool known() const { return line > 0; }
};

// "FILE:LINE:COL", or "" for an unknown position.
inline std::string location_text(const SourceLocation& loc) {
  if (!loc.known()) return "";
  return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

}  // namespace flowcost::model
