#pragma once
// Result<T>: the value of a fallible core operation, or an Error a user can act on.
// Core code throws kensa::Error internally; public entry points that read user input return Result.

#include <kensa/base/error.h>

#include <cassert>
#include <utility>
#include <variant>

namespace kensa {

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return checked(); }
    T& value() & { return checked(); }
    T&& value() && { return std::move(checked()); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<Error>(m_state);
    }

    // The value, or throw the error: for callers that already sit inside a try block.
    T take() && {
        if (!ok())
            throw std::get<Error>(m_state);
        return std::move(std::get<T>(m_state));
    }

private:
    T& checked() {
        if (!ok())
            throw std::get<Error>(m_state);
        return std::get<T>(m_state);
    }
    const T& checked() const {
        if (!ok())
            throw std::get<Error>(m_state);
        return std::get<T>(m_state);
    }

    std::variant<T, Error> m_state;
};

// Runs fn and turns a thrown kensa::Error (or any std::exception, e.g. from OpenCV or LibTorch) into a
// Result.
template <typename Fn>
auto capture(Fn&& fn) -> Result<decltype(fn())> {
    try {
        return fn();
    } catch (const Error& e) {
        return e;
    } catch (const std::exception& e) {
        return Error(e.what());
    }
}

}  // namespace kensa
