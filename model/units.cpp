#include "model/units.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace flowcost::model {

namespace {

struct UnitRow {
  std::string_view name;
  Dimension dimension;
  double factor;  // to the base unit (ms, bytes, USD)
};

constexpr double kKiB = 1024.0;
constexpr std::array<UnitRow, 9> kUnits{{
    {"ms", Dimension::duration_ms, 1.0},
    {"s", Dimension::duration_ms, 1000.0},
    {"min", Dimension::duration_ms, 60'000.0},
    {"h", Dimension::duration_ms, 3'600'000.0},
    {"d", Dimension::duration_ms, 86'400'000.0},
    {"B", Dimension::size_bytes, 1.0},
    {"KB", Dimension::size_bytes, kKiB},
    {"MB", Dimension::size_bytes, kKiB * kKiB},
    {"GB", Dimension::size_bytes, kKiB * kKiB * kKiB},
}};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string unit_hint(Dimension d) {
  switch (d) {
    case Dimension::duration_ms: return "use ms, s, min, h or d";
    case Dimension::size_bytes: return "use B, KB, MB or GB";
    case Dimension::usd: return "write amounts of money as $0.25";
    default: return "a plain number is expected here";
  }
}

void set_error(std::string* error, std::string message) {
  if (error) *error = std::move(message);
}

}  // namespace

const char* dimension_name(Dimension d) {
  switch (d) {
    case Dimension::none: return "number";
    case Dimension::duration_ms: return "duration";
    case Dimension::size_bytes: return "size";
    case Dimension::usd: return "amount of money";
    case Dimension::probability: return "probability";
    case Dimension::count: return "count";
  }
  return "number";
}

std::optional<UnitInfo> find_unit(std::string_view unit) {
  if (unit == "$") return UnitInfo{Dimension::usd, 1.0};
  for (const auto& u : kUnits)
    if (u.name == unit) return UnitInfo{u.dimension, u.factor};
  return std::nullopt;
}

std::size_t scan_number(std::string_view text, double& value) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < text.size() && is_digit(text[i])) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) ++i, ++digits;
  }
  if (digits == 0) return 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    std::size_t exp_digits = 0;
    while (j < text.size() && is_digit(text[j])) ++j, ++exp_digits;
    if (exp_digits > 0) i = j;
  }
  std::string_view num = text.substr(0, i);
  if (!num.empty() && num.front() == '+') num.remove_prefix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), v);
  if (ec == std::errc::result_out_of_range) {
    v = (num.front() == '-') ? -HUGE_VAL : HUGE_VAL;
  } else if (ec != std::errc() || p != num.data() + num.size()) {
    return 0;
  }
  value = v;
  return i;
}

std::optional<double> parse_quantity(std::string_view text, Dimension d, std::string* error) {
  std::string_view s = trim(text);
  if (s.empty()) {
    set_error(error, std::string("expected a ") + dimension_name(d) + ", got an empty value");
    return std::nullopt;
  }
  bool dollar = false;
  if (s.front() == '$') {
    dollar = true;
    s.remove_prefix(1);
  }
  double value = 0;
  std::size_t used = scan_number(s, value);
  if (used == 0) {
    set_error(error, "\"" + std::string(trim(text)) + "\" is not a " + dimension_name(d));
    return std::nullopt;
  }
  if (!std::isfinite(value)) {
    set_error(error, "\"" + std::string(trim(text)) + "\" is too large");
    return std::nullopt;
  }
  std::string_view unit = trim(s.substr(used));
  if (dollar) {
    if (!unit.empty()) {
      set_error(error, "unexpected \"" + std::string(unit) + "\" after an amount of money");
      return std::nullopt;
    }
    unit = "$";
  }
  if (unit.empty()) return value;
  auto info = find_unit(unit);
  bool accepted = info && (info->dimension == d || (d == Dimension::none));
  if (!accepted) {
    if (d == Dimension::probability || d == Dimension::count) {
      set_error(error, "unexpected unit \"" + std::string(unit) + "\" on a " + dimension_name(d) + "; " +
                           unit_hint(d));
    } else if (info) {
      set_error(error, std::string("expected a ") + dimension_name(d) + ", got a " +
                           dimension_name(info->dimension) + " (\"" + std::string(trim(text)) + "\")");
    } else if (d == Dimension::none) {
      set_error(error, "unknown unit \"" + std::string(unit) +
                           "\"; use ms, s, min, h, d (durations), B, KB, MB, GB (sizes) or $ (money)");
    } else {
      set_error(error, std::string("unknown ") + dimension_name(d) + " unit \"" + std::string(unit) + "\"; " +
                           unit_hint(d));
    }
    return std::nullopt;
  }
  return value * info->factor;
}

Dimension quantity_dimension(std::string_view text) {
  std::string_view s = trim(text);
  if (!s.empty() && s.front() == '$') return Dimension::usd;
  double v = 0;
  std::size_t used = scan_number(s, v);
  if (used == 0) return Dimension::none;
  auto info = find_unit(trim(s.substr(used)));
  return info ? info->dimension : Dimension::none;
}

}  // namespace flowcost::model
