#pragma once
// Numbers from JSON files Kensa did not necessarily write (models, projects, safetensors headers):
// nlohmann's get<int>() of 1e100, or get<float>() of 1e300, converts out of range, which is undefined
// behaviour (found by tests/fuzz). These check the value first. Header-only; needs nlohmann_json.

#include <kensa/base/error.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

namespace kensa::io {

// j as T: for an integer T, a whole number within T's range (1.0 counts as 1); for a floating-point T, a
// number whose magnitude T can hold. Throws kensa::Error naming `what` otherwise; nlohmann's own
// type_error when j is not a number at all.
template <class T>
T json_number(const nlohmann::json& j, const std::string& what) {
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>);
    const auto out_of_range = [&] { return Error(what + " is out of range (" + j.dump() + ")"); };
    if constexpr (std::is_integral_v<T>) {
        if (j.is_number_unsigned()) {
            const auto v = j.get<uint64_t>();
            if (v > static_cast<uint64_t>(std::numeric_limits<T>::max()))
                throw out_of_range();
            return static_cast<T>(v);
        }
        if (j.is_number_integer()) {
            const auto v = j.get<int64_t>();
            if (v < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
                (v > 0 && static_cast<uint64_t>(v) > static_cast<uint64_t>(std::numeric_limits<T>::max())))
                throw out_of_range();
            return static_cast<T>(v);
        }
        const double d = j.get<double>();  // a float, or nlohmann's type_error for a non-number
        // 2^63 and up do not fit int64_t even though the comparison below would round them in.
        if (!std::isfinite(d) || d != std::trunc(d) || d < static_cast<double>(std::numeric_limits<T>::min()) ||
            d >= std::ldexp(1.0, std::numeric_limits<T>::digits))
            throw out_of_range();
        return static_cast<T>(d);
    } else {
        const double d = j.get<double>();
        if (std::isfinite(d) && std::fabs(d) > static_cast<double>(std::numeric_limits<T>::max()))
            throw out_of_range();
        return static_cast<T>(d);
    }
}

}  // namespace kensa::io
