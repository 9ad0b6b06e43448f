#include <kensa/base/atomic_file.h>
#include <kensa/base/error.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
std::span<const std::byte> bytes_of(const std::string& s) {
    return std::as_bytes(std::span(s.data(), s.size()));
}
}  // namespace

TEST(AtomicFile, ReplacesContentAndLeavesNoPartialFile) {
    const auto dir = fs::temp_directory_path() / "kensa_atomic_test";
    fs::create_directories(dir);
    const auto path = dir / "out.bin";
    kensa::write_file_atomically(path, bytes_of("first version"));
    kensa::write_file_atomically(path, bytes_of("second"));
    EXPECT_EQ(slurp(path), "second");
    EXPECT_FALSE(fs::exists(dir / "out.bin.partial"));
    fs::remove_all(dir);
}

TEST(AtomicFile, UnwritableDirectoryNamesThePath) {
    const fs::path path = "/nonexistent-kensa-dir/out.bin";
    try {
        kensa::write_file_atomically(path, bytes_of("x"));
        FAIL() << "expected an error";
    } catch (const kensa::Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent-kensa-dir/out.bin"), std::string::npos)
            << e.what();
    }
}
