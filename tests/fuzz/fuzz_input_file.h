#pragma once
// For parsers that take a path: the fuzzer's bytes in a file of their own (in /dev/shm when there is one,
// so every run does not touch the disk).

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

namespace kensa::fuzz {

inline std::filesystem::path scratch_folder() {
    static const auto folder = [] {
        const std::filesystem::path shm = "/dev/shm";
        auto base = std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path();
        auto path = base / ("kensa-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return folder;
}

inline std::filesystem::path write_input(const std::string& name, const uint8_t* data, size_t size) {
    const auto path = scratch_folder() / name;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                   static_cast<std::streamsize>(size));
    return path;
}

}  // namespace kensa::fuzz
