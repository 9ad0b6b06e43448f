#include <kensa/data/synthetic/params.h>

#include <kensa/base/error.h>

#include <cmath>
#include <sstream>

namespace kensa::data::synthetic {

namespace {
std::string number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}
}  // namespace

void check_param_value(std::string_view generator, const ParamSpec& spec, double value) {
    const std::string where = std::string(generator) + ": parameter '" + spec.name + "' is " + number(value);
    if (!std::isfinite(value) || value < spec.min || value > spec.max) {
        throw Error(where + "; it must be between " + number(spec.min) + " and " + number(spec.max) + " (" +
                    spec.description + ")");
    }
    if (spec.type == ParamType::Integer && value != std::round(value))
        throw Error(where + "; it must be a whole number");
}

void check_param_order(std::string_view generator, std::string_view lo_name, double lo,
                       std::string_view hi_name, double hi) {
    if (lo > hi) {
        throw Error(std::string(generator) + ": parameter '" + std::string(lo_name) + "' (" + number(lo) +
                    ") must not exceed '" + std::string(hi_name) + "' (" + number(hi) + ")");
    }
}

void throw_unknown_param(std::string_view generator, std::string_view name,
                         const std::vector<ParamSpec>& specs) {
    std::string known;
    for (const auto& s : specs)
        known += (known.empty() ? "" : ", ") + s.name;
    throw Error(std::string(generator) + " has no parameter '" + std::string(name) +
                "'; its parameters are " + known);
}

}  // namespace kensa::data::synthetic
