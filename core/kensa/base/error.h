#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace kensa {

// An error with a message written for the person running Kensa: what failed, on which file, and why.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
    std::string message() const { return what(); }
};

// "<path>: <reason>" — the one format every file-related error uses.
Error file_error(const std::filesystem::path& path, const std::string& reason);

// Thrown (and caught at the entry point) when a progress callback asks to stop.
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

}  // namespace kensa
