#include "model/number_format.h"

#include <array>
#include <charconv>
#include <cmath>

namespace flowcost::model {

std::string format_shortest(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::array<char, 64> buf{};
  std::to_chars_result r{};
  if (value == std::trunc(value) && std::fabs(value) < 1e15)
    r = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed);
  else
    r = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  return std::string(buf.data(), r.ptr);
}

std::string format_decimal(double value) {
  const double magnitude = std::fabs(value);
  if (!std::isfinite(value) || (magnitude != 0 && (magnitude < 1e-12 || magnitude >= 1e15)))
    return format_shortest(value);
  std::array<char, 64> buf{};
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed);
  return std::string(buf.data(), r.ptr);
}

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value)) return format_shortest(value);
  std::array<char, 400> buf{};
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, decimals);
  std::string out(buf.data(), r.ptr);
  if (out.find_first_not_of("-0.") == std::string::npos && out.front() == '-') out.erase(0, 1);  // no "-0.00"
  return out;
}

std::string format_grouped(double value, int decimals) {
  std::string plain = format_fixed(value, decimals);
  if (!std::isfinite(value)) return plain;
  std::size_t start = plain.front() == '-' ? 1 : 0;
  std::size_t end = plain.find('.');
  if (end == std::string::npos) end = plain.size();
  std::string out = plain.substr(0, start);
  for (std::size_t i = start; i < end; ++i) {
    out += plain[i];
    std::size_t left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  out += plain.substr(end);
  return out;
}

std::string format_significant(double value, int digits) {
  if (!std::isfinite(value)) return format_shortest(value);
  std::array<char, 64> buf{};
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::general, digits < 1 ? 1 : digits);
  return std::string(buf.data(), r.ptr);
}

}  // namespace flowcost::model
