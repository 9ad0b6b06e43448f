#pragma once
// Generator parameters described generically, so the CLI and the UI can list, show and set them by name
// (e.g. one slider per parameter) without knowing each generator's struct.

#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kensa::data::synthetic {

enum class ParamType { Integer, Real };

struct ParamSpec {
    std::string name;  // the params struct's field name, e.g. "max_size"
    ParamType type = ParamType::Real;
    double default_value = 0;
    double min = 0;  // a value must lie in [min, max]
    double max = 0;
    std::string description;  // one line for a tooltip or --help, with the unit
};

// One field of a params struct P: where it lives, its valid range and what it means. Each params struct
// lists its fields in `static std::span<const ParamField<P>> fields()`; defaults come from P{}.
template <typename P>
struct ParamField {
    const char* name;
    std::variant<int P::*, double P::*> member;
    double min;
    double max;
    const char* description;
};

template <typename P>
double field_value(const P& params, const ParamField<P>& field) {
    if (const auto* member = std::get_if<int P::*>(&field.member))
        return params.**member;
    return params.*std::get<double P::*>(field.member);
}

template <typename P>
std::vector<ParamSpec> param_specs() {
    static const P defaults{};  // static: GCC 12 misreads a local one as uninitialised
    std::vector<ParamSpec> out;
    for (const auto& f : P::fields()) {
        const auto type = std::holds_alternative<int P::*>(f.member) ? ParamType::Integer : ParamType::Real;
        out.push_back({f.name, type, field_value(defaults, f), f.min, f.max, f.description});
    }
    return out;
}

// Throws kensa::Error "<generator>: parameter '<name>' is <value>; it must be between <min> and <max>"
// (or "a whole number").
void check_param_value(std::string_view generator, const ParamSpec& spec, double value);

// Throws kensa::Error unless lo <= hi, naming both fields.
void check_param_order(std::string_view generator, std::string_view lo_name, double lo,
                       std::string_view hi_name, double hi);

// Checks every field of `params` against its range.
template <typename P>
void check_param_ranges(std::string_view generator, const P& params) {
    const auto specs = param_specs<P>();
    const auto fields = P::fields();
    for (size_t i = 0; i < fields.size(); ++i)
        check_param_value(generator, specs[i], field_value(params, fields[i]));
}

// Sets the field called `name` after checking the value against its range; throws kensa::Error for an
// unknown name (listing the known ones) or a bad value. Order between fields (min <= max) is left to
// validate(), so a UI can move one end of a range past the other for a moment.
template <typename P>
void set_param(std::string_view generator, P& params, std::string_view name, double value);

template <typename P>
double get_param(std::string_view generator, const P& params, std::string_view name);

// The error for a name no field has.
[[noreturn]] void throw_unknown_param(std::string_view generator, std::string_view name,
                                      const std::vector<ParamSpec>& specs);

template <typename P>
void set_param(std::string_view generator, P& params, std::string_view name, double value) {
    const auto specs = param_specs<P>();
    const auto fields = P::fields();
    for (size_t i = 0; i < fields.size(); ++i) {
        if (specs[i].name != name)
            continue;
        check_param_value(generator, specs[i], value);
        if (const auto* member = std::get_if<int P::*>(&fields[i].member))
            params.** member = static_cast<int>(value);
        else
            params.*std::get<double P::*>(fields[i].member) = value;
        return;
    }
    throw_unknown_param(generator, name, specs);
}

template <typename P>
double get_param(std::string_view generator, const P& params, std::string_view name) {
    for (const auto& f : P::fields()) {
        if (f.name == name)
            return field_value(params, f);
    }
    throw_unknown_param(generator, name, param_specs<P>());
}

}  // namespace kensa::data::synthetic
